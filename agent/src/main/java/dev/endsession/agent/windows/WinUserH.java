package dev.endsession.agent.windows;

/** The constants of {@code winuser.h} the bridge uses; each named as in the header. */
@Header("winuser.h")
final class WinUserH {

    /** @see <a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a> */
    static final int WM_QUERYENDSESSION = 0x0011;
    /** @see <a href="https://learn.microsoft.com/windows/win32/shutdown/wm-endsession">WM_ENDSESSION</a> */
    static final int WM_ENDSESSION = 0x0016;
    /** Asks a window to close; {@code DefWindowProc} destroys it. {@code taskkill} without /F sends it. @see <a href="https://learn.microsoft.com/windows/win32/winmsg/wm-close">WM_CLOSE</a> */
    static final int WM_CLOSE = 0x0010;
    /** Sent by {@code DestroyWindow} before the window goes. @see <a href="https://learn.microsoft.com/windows/win32/winmsg/wm-destroy">WM_DESTROY</a> */
    static final int WM_DESTROY = 0x0002;
    /** @see <a href="https://learn.microsoft.com/windows/win32/winmsg/wm-quit">WM_QUIT</a> */
    static final int WM_QUIT = 0x0012;
    /** Posted to the pump thread to run queued work, as JNA's {@code User32Util.MessageLoopThread} does. @see <a href="https://learn.microsoft.com/windows/win32/winmsg/wm-user">WM_USER</a> */
    static final int WM_USER = 0x0400;
    /** Primes a thread's message queue without taking a message. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-peekmessagew">PeekMessage</a> */
    static final int PM_NOREMOVE = 0x0000;

    /** lParam bit: the Restart Manager or an installer closes the app. @see <a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a> */
    static final int ENDSESSION_CLOSEAPP = 0x00000001;
    /** lParam bit: the app is forced to end; a veto is not honoured. @see <a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a> */
    static final int ENDSESSION_CRITICAL = 0x40000000;
    /** lParam bit: the user logs off (no bit at all: shutdown or restart). @see <a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a> */
    static final int ENDSESSION_LOGOFF = 0x80000000;

    /** Log off the interactive user. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a> */
    static final int EWX_LOGOFF = 0x00000000;
    /** Shut down (needs {@code SE_SHUTDOWN_NAME}). @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a> */
    static final int EWX_SHUTDOWN = 0x00000001;
    /** With EWX_SHUTDOWN: also turns the power off. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a> */
    static final int EWX_POWEROFF = 0x00000008;
    /** Restart (needs {@code SE_SHUTDOWN_NAME}). @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a> */
    static final int EWX_REBOOT = 0x00000002;
    /** No query at all: apps get WM_ENDSESSION only. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a> */
    static final int EWX_FORCE = 0x00000004;
    /** Apps that do not answer within the hung-app timeout are ended. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a> */
    static final int EWX_FORCEIFHUNG = 0x00000010;

    /** At most this many characters of a block reason are shown. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasoncreate">ShutdownBlockReasonCreate</a> */
    static final int MAX_STR_BLOCKREASON = 256;

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-setwindowlongptrw">SetWindowLongPtr</a> */
    static final int GWLP_WNDPROC = -4;
    /** The same index for 32-bit user32's SetWindowLong. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-setwindowlongw">SetWindowLong</a> */
    static final int GWL_WNDPROC = -4;

    /** Milliseconds a thread may go without answering before Windows calls it hung. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-systemparametersinfow">SystemParametersInfo</a> */
    static final int SPI_GETHUNGAPPTIMEOUT = 0x0078;
    /** Milliseconds Windows waits for an app to end at logoff or shutdown (WaitToKillAppTimeout); microsoft/terminal doc/ConsoleCtrlEvent.md. */
    static final int SPI_GETWAITTOKILLTIMEOUT = 0x007A;

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-getuserobjectinformationw">GetUserObjectInformation</a> */
    static final int UOI_FLAGS = 1;
    /** The window station has visible display surfaces: an interactive session, not a service's. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/ns-winuser-userobjectflags">USEROBJECTFLAGS</a> */
    static final int WSF_VISIBLE = 0x0001;

    /** @see <a href="https://learn.microsoft.com/windows/win32/winauto/event-constants">Event constants</a> */
    static final int EVENT_OBJECT_CREATE = 0x8000;
    /** Events arrive on the hooking thread's message loop. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-setwineventhook">SetWinEventHook</a> */
    static final int WINEVENT_OUTOFCONTEXT = 0x0000;
    /** @see <a href="https://learn.microsoft.com/windows/win32/winauto/object-identifiers">Object identifiers</a> */
    static final int OBJID_WINDOW = 0;
    /** The event is about the window itself, not one of its children. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nc-winuser-wineventproc">WinEventProc</a> */
    static final int CHILDID_SELF = 0;

    private WinUserH() {
    }
}
