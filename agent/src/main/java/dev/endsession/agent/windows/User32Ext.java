package dev.endsession.agent.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The functions of user32.dll this project needs that jna-platform's {@code User32} lacks. Not API.
 * Loaded with {@code W32APIOptions.DEFAULT_OPTIONS}, so a name maps to its {@code W} export when
 * there is one. No {@code INSTANCE} field here: reading this interface must not load the DLL.
 */
interface User32Ext extends StdCallLibrary {

    /** The DLL these functions are exported by. */
    String DLL = "user32";

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasoncreate">ShutdownBlockReasonCreate</a> */
    boolean ShutdownBlockReasonCreate(HWND hWnd, String pwszReason);

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasondestroy">ShutdownBlockReasonDestroy</a> */
    boolean ShutdownBlockReasonDestroy(HWND hWnd);

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasonquery">ShutdownBlockReasonQuery</a> */
    boolean ShutdownBlockReasonQuery(HWND hWnd, char[] pwszBuff, IntByReference pcchBuff);

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-getprocesswindowstation">GetProcessWindowStation</a> */
    HANDLE GetProcessWindowStation();

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-getuserobjectinformationw">GetUserObjectInformation</a> */
    boolean GetUserObjectInformation(HANDLE hObj, int nIndex, Pointer pvInfo, int nLength, IntByReference lpnLengthNeeded);
}
