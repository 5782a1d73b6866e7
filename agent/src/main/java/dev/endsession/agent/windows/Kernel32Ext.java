package dev.endsession.agent.windows;

import com.sun.jna.win32.StdCallLibrary;

/**
 * The functions of kernel32.dll this project needs that jna-platform's {@code Kernel32} lacks. Not
 * API. No {@code INSTANCE} field here: reading this interface must not load the DLL.
 */
interface Kernel32Ext extends StdCallLibrary {

    /** The DLL these functions are exported by. */
    String DLL = "kernel32";

    /** {@code BOOL WINAPI HandlerRoutine(DWORD dwCtrlType)}; kept strongly referenced while registered. */
    interface HandlerRoutine extends StdCallCallback {
        /** @see <a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a> */
        boolean callback(int dwCtrlType);
    }

    /** @see <a href="https://learn.microsoft.com/windows/console/setconsolectrlhandler">SetConsoleCtrlHandler</a> */
    boolean SetConsoleCtrlHandler(HandlerRoutine handlerRoutine, boolean add);

    /** @see <a href="https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-setprocessshutdownparameters">SetProcessShutdownParameters</a> */
    boolean SetProcessShutdownParameters(int dwLevel, int dwFlags);
}
