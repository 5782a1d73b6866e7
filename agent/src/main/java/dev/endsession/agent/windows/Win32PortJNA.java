package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.CHILDID_SELF;
import static dev.endsession.agent.windows.WinUserH.EVENT_OBJECT_CREATE;
import static dev.endsession.agent.windows.WinUserH.GWLP_WNDPROC;
import static dev.endsession.agent.windows.WinUserH.GWL_WNDPROC;
import static dev.endsession.agent.windows.WinUserH.MAX_STR_BLOCKREASON;
import static dev.endsession.agent.windows.WinUserH.OBJID_WINDOW;
import static dev.endsession.agent.windows.WinUserH.PM_NOREMOVE;
import static dev.endsession.agent.windows.WinUserH.UOI_FLAGS;
import static dev.endsession.agent.windows.WinUserH.WINEVENT_OUTOFCONTEXT;
import static dev.endsession.agent.windows.WinUserH.WM_QUIT;
import static dev.endsession.agent.windows.WinUserH.WM_USER;
import static dev.endsession.agent.windows.WinUserH.WSF_VISIBLE;

import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Shell32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinDef.HICON;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.LRESULT;
import com.sun.jna.platform.win32.WinDef.UINT;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.W32APIOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The real Win32 calls behind {@link Win32Port}, through JNA: jna-platform where it has the
 * function, {@link User32Ext}/{@link Kernel32Ext} where it does not. Only these calls; every
 * decision is in the logic classes. Callbacks are kept strongly referenced for as long as Windows
 * may call them (JNA frees a collected callback's native stub). Right on x86, x64 and ARM64: every
 * callback is stdcall ({@code CALLBACK}), and the window-procedure slot is reached through
 * {@link WindowLongFunctions}.
 */
final class Win32PortJNA implements Win32Port {

    private static final User32 USER32 = User32.INSTANCE;
    private static final Kernel32 KERNEL32 = Kernel32.INSTANCE;
    private static final User32Ext USER32_EXT = Native.load(User32Ext.DLL, User32Ext.class, W32APIOptions.DEFAULT_OPTIONS);
    private static final Kernel32Ext KERNEL32_EXT = Native.load(Kernel32Ext.DLL, Kernel32Ext.class, W32APIOptions.DEFAULT_OPTIONS);
    private static final WindowLongFunctions WINDOW_LONG = WindowLongFunctions.forPointerSize(Native.POINTER_SIZE);

    private final Map<Object, Object> callbacks = new ConcurrentHashMap<>();

    static long value(HWND hwnd) {
        return hwnd == null ? 0 : Pointer.nativeValue(hwnd.getPointer());
    }

    static HWND handle(long hwnd) {
        return hwnd == 0 ? null : new HWND(new Pointer(hwnd));
    }

    private static Win32Failure failure(String function) {
        return new Win32Failure(function, Native.getLastError());
    }

    @Override
    public int currentThreadId() {
        return KERNEL32.GetCurrentThreadId();
    }

    @Override
    public OptionalLong systemTimeoutMillis(int action) {
        IntByReference millis = new IntByReference();
        return USER32_EXT.SystemParametersInfo(action, 0, millis, 0) ? OptionalLong.of(millis.getValue() & 0xFFFFFFFFL)
                : OptionalLong.empty();
    }

    @Override
    public long createHiddenWindow(String className, String title, Optional<Path> iconOf, WindowProc proc) {
        if (!callbacks.containsKey(className)) { // a window made again after it was destroyed keeps its class
            WinUser.WindowProc callback = (hwnd, message, wParam, lParam) ->
                    new LRESULT(proc.call(value(hwnd), message, wParam.longValue(), lParam.longValue()));
            WinUser.WNDCLASSEX windowClass = new WinUser.WNDCLASSEX();
            windowClass.hInstance = KERNEL32.GetModuleHandle(null);
            windowClass.lpfnWndProc = callback;
            windowClass.lpszClassName = className;
            // The blocking-apps screen shows a hidden window's title and its class's icon.
            iconOf.ifPresent(exe -> windowClass.hIcon = firstIcon(exe));
            if (USER32.RegisterClassEx(windowClass) == null) {
                throw failure("RegisterClassEx");
            }
            callbacks.put(className, callback);
        }
        // Parent NULL: a top-level window. Never HWND_MESSAGE: message-only windows get no broadcasts.
        HWND hwnd = USER32.CreateWindowEx(0, className, title, 0, 0, 0, 0, 0, null, null, KERNEL32.GetModuleHandle(null), null);
        if (hwnd == null) {
            throw failure("CreateWindowEx");
        }
        WinUser.MSG msg = new WinUser.MSG();
        USER32.PeekMessage(msg, null, 0, 0, PM_NOREMOVE); // makes sure the thread has a message queue
        return value(hwnd);
    }

    /** @return the executable's first large icon, or {@code null} if it has none (ExtractIconEx) */
    private static HICON firstIcon(Path exe) {
        HICON[] large = new HICON[1];
        // https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-extracticonexw: returns the number extracted
        return Shell32.INSTANCE.ExtractIconEx(exe.toString(), 0, large, null, 1) > 0 ? large[0] : null;
    }

    @Override
    public long defWindowProc(long hwnd, int message, long wParam, long lParam) {
        return USER32.DefWindowProc(handle(hwnd), message, new WPARAM(wParam), new LPARAM(lParam)).longValue();
    }

    @Override
    public void destroyWindow(long hwnd, String className) {
        USER32.DestroyWindow(handle(hwnd));
        USER32.UnregisterClass(className, KERNEL32.GetModuleHandle(null));
        callbacks.remove(className);
    }

    @Override
    public void pumpMessages(Runnable work) {
        WinUser.MSG msg = new WinUser.MSG();
        for (int got; (got = USER32.GetMessage(msg, null, 0, 0)) != 0; ) {
            if (got == -1) {
                throw failure("GetMessage");
            }
            if (msg.message == WM_USER && value(msg.hWnd) == 0) { // a thread message: ours, not a window's
                work.run();
            } else {
                USER32.TranslateMessage(msg);
                USER32.DispatchMessage(msg);
            }
        }
    }

    @Override
    public void wake(int threadId) {
        postThreadMessage(threadId, WM_USER);
    }

    @Override
    public void quit(int threadId) {
        postThreadMessage(threadId, WM_QUIT);
    }

    private static void postThreadMessage(int threadId, int message) {
        if (USER32.PostThreadMessage(threadId, message, new WPARAM(0), new LPARAM(0)) == 0) {
            throw failure("PostThreadMessage");
        }
    }

    @Override
    public long sendMessage(long hwnd, int message, long wParam, long lParam) {
        return USER32.SendMessage(handle(hwnd), message, new WPARAM(wParam), new LPARAM(lParam)).longValue();
    }

    @Override
    public void shutdownBlockReasonCreate(long hwnd, String reason) {
        if (!USER32_EXT.ShutdownBlockReasonCreate(handle(hwnd), reason)) {
            throw failure("ShutdownBlockReasonCreate");
        }
    }

    @Override
    public void shutdownBlockReasonDestroy(long hwnd) {
        if (!USER32_EXT.ShutdownBlockReasonDestroy(handle(hwnd))) {
            throw failure("ShutdownBlockReasonDestroy");
        }
    }

    @Override
    public String shutdownBlockReasonQuery(long hwnd) {
        char[] buffer = new char[MAX_STR_BLOCKREASON + 1];
        IntByReference length = new IntByReference(buffer.length);
        if (!USER32_EXT.ShutdownBlockReasonQuery(handle(hwnd), buffer, length)) {
            return null; // no reason registered
        }
        return Native.toString(buffer);
    }

    @Override
    public void setProcessShutdownParameters(int level, int flags) {
        if (!KERNEL32_EXT.SetProcessShutdownParameters(level, flags)) {
            throw failure("SetProcessShutdownParameters");
        }
    }

    @Override
    public void addConsoleCtrlHandler(ConsoleHandler handler) {
        Kernel32Ext.HandlerRoutine routine = handler::handle;
        callbacks.put(handler, routine);
        if (!KERNEL32_EXT.SetConsoleCtrlHandler(routine, true)) {
            callbacks.remove(handler);
            throw failure("SetConsoleCtrlHandler");
        }
    }

    @Override
    public void removeConsoleCtrlHandler(ConsoleHandler handler) {
        Object routine = callbacks.remove(handler);
        if (routine != null && !KERNEL32_EXT.SetConsoleCtrlHandler((Kernel32Ext.HandlerRoutine) routine, false)) {
            throw failure("SetConsoleCtrlHandler");
        }
    }

    @Override
    public boolean interactiveWindowStation() {
        HANDLE station = USER32_EXT.GetProcessWindowStation();
        // USEROBJECTFLAGS { BOOL fInherit; BOOL fReserved; DWORD dwFlags; }: dwFlags at offset 8.
        Memory flags = new Memory(12);
        if (station == null || !USER32_EXT.GetUserObjectInformation(station, UOI_FLAGS, flags, 12, new IntByReference())) {
            return true; // as HotSpot does: when unsure, the process is treated as interactive
        }
        return (flags.getInt(8) & WSF_VISIBLE) != 0;
    }

    @Override
    public void enableShutdownPrivilege() {
        ShutdownPrivilegeJNA.enable();
    }

    @Override
    public void exitWindowsEx(int flags, int reason) {
        if (!USER32.ExitWindowsEx(new UINT(flags), new DWORD(reason & 0xFFFFFFFFL)).booleanValue()) {
            throw failure("ExitWindowsEx");
        }
    }

    @Override
    public void watchWindowCreation(WindowCreated listener) {
        User32Ext.WinEventProc proc = (hook, event, hwnd, idObject, idChild, thread, time) -> {
            if (hwnd != null && idObject == OBJID_WINDOW && idChild == CHILDID_SELF) {
                listener.created(value(hwnd));
            }
        };
        callbacks.put(listener, proc);
        if (USER32_EXT.SetWinEventHook(EVENT_OBJECT_CREATE, EVENT_OBJECT_CREATE, null, proc, KERNEL32.GetCurrentProcessId(), 0,
                WINEVENT_OUTOFCONTEXT) == null) {
            callbacks.remove(listener);
            throw failure("SetWinEventHook");
        }
    }

    @Override
    public List<Long> processWindowsOfClass(String className) {
        int self = KERNEL32.GetCurrentProcessId();
        List<Long> found = new ArrayList<>();
        for (long hwnd = findTopLevel(className, 0); hwnd != 0; hwnd = findTopLevel(className, hwnd)) {
            if (processOf(hwnd) == self) {
                found.add(hwnd);
            }
        }
        return found;
    }

    /** For tests that play the system: the next top-level window of a class, in any process (0: none). */
    long findTopLevel(String className, long after) {
        return value(USER32.FindWindowEx(null, handle(after), className, null));
    }

    /** @return the id of the process that owns the window */
    int processOf(long hwnd) {
        IntByReference pid = new IntByReference();
        USER32.GetWindowThreadProcessId(handle(hwnd), pid);
        return pid.getValue();
    }

    @Override
    public String className(long hwnd) {
        char[] name = new char[256];
        int length = USER32.GetClassName(handle(hwnd), name, name.length);
        if (length == 0) {
            throw failure("GetClassName");
        }
        return new String(name, 0, length);
    }

    @Override
    public void subclass(long hwnd, UnaryOperator<WindowProc> wrap) {
        HWND window = handle(hwnd);
        // Read first so a message that comes before SetWindowLong returns has somewhere to go; then its return value wins.
        AtomicReference<Pointer> previous = new AtomicReference<>(windowProc(window));
        WindowProc original = (h, message, wParam, lParam) ->
                USER32.CallWindowProc(previous.get(), handle(h), message, new WPARAM(wParam), new LPARAM(lParam)).longValue();
        WindowProc replacement = wrap.apply(original);
        WinUser.WindowProc callback = (h, message, wParam, lParam) ->
                new LRESULT(replacement.call(value(h), message, wParam.longValue(), lParam.longValue()));
        callbacks.put(hwnd, callback);
        Pointer replaced = setWindowProc(window, CallbackReference.getFunctionPointer(callback));
        if (replaced == null) { // the slot was never NULL for a live window: the call failed
            callbacks.remove(hwnd);
            throw failure(WINDOW_LONG.set);
        }
        previous.set(replaced);
    }

    private static Pointer windowProc(HWND window) {
        return switch (WINDOW_LONG) {
            case PTR -> USER32_EXT.GetWindowLongPtr(window, GWLP_WNDPROC);
            case LONG -> USER32_EXT.GetWindowLong(window, GWL_WNDPROC);
        };
    }

    private static Pointer setWindowProc(HWND window, Pointer proc) {
        return switch (WINDOW_LONG) {
            case PTR -> USER32_EXT.SetWindowLongPtr(window, GWLP_WNDPROC, proc);
            case LONG -> USER32_EXT.SetWindowLong(window, GWL_WNDPROC, proc);
        };
    }
}
