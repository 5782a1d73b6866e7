package dev.endsession.agent.windows;

/**
 * The constants of {@code winbase.h} the bridge uses.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-setprocessshutdownparameters">SetProcessShutdownParameters</a>
 */
@Header("winbase.h")
final class WinBaseH {

    /** Do not show the retry dialog when the process times out: it is ended instead. @see <a href="https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-setprocessshutdownparameters">SetProcessShutdownParameters</a> */
    static final int SHUTDOWN_NORETRY = 0x1;

    private WinBaseH() {
    }
}
