package dev.endsession.agent.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinDef.HMODULE;
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

    /** A timeout in ms ({@code SPI_GET...TIMEOUT}). @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-systemparametersinfow">SystemParametersInfo</a> */
    boolean SystemParametersInfo(int uiAction, int uiParam, IntByReference pvParam, int fWinIni);

    /** 64-bit only ({@link WindowLongFunctions}). @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-getwindowlongptrw">GetWindowLongPtr</a> */
    Pointer GetWindowLongPtr(HWND hWnd, int nIndex);

    /** 64-bit only; returns the previous value. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-setwindowlongptrw">SetWindowLongPtr</a> */
    Pointer SetWindowLongPtr(HWND hWnd, int nIndex, Pointer dwNewLong);

    /** 32-bit x86: a LONG is pointer-wide there. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-getwindowlongw">GetWindowLong</a> */
    Pointer GetWindowLong(HWND hWnd, int nIndex);

    /** 32-bit x86; returns the previous value. @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-setwindowlongw">SetWindowLong</a> */
    Pointer SetWindowLong(HWND hWnd, int nIndex, Pointer dwNewLong);

    /**
     * {@code WINEVENTPROC}, declared {@code CALLBACK} (stdcall): jna-platform's {@code WinEventProc} is not a
     * {@code StdCallCallback}, which on x86 leaves 28 bytes on the stack per event.
     * @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nc-winuser-wineventproc">WINEVENTPROC</a>
     */
    interface WinEventProc extends StdCallCallback {
        void callback(Pointer hook, int event, HWND hwnd, int idObject, int idChild, int idEventThread, int dwmsEventTime);
    }

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-setwineventhook">SetWinEventHook</a> */
    Pointer SetWinEventHook(int eventMin, int eventMax, HMODULE hmodWinEventProc, WinEventProc pfnWinEventProc, int idProcess,
            int idThread, int dwFlags);
}
