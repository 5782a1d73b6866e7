package dev.endsession.agent.windows;

/**
 * The console control events of {@code wincon.h}.
 *
 * @see <a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a>
 */
@Header("wincon.h")
final class WinConH {

    /** Ctrl+C: not an end of session. @see <a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a> */
    static final int CTRL_C_EVENT = 0;
    /** Ctrl+Break: not an end of session. @see <a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a> */
    static final int CTRL_BREAK_EVENT = 1;
    /** The console window is closed; the process has about 5 s after the handler is called. @see <a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a> */
    static final int CTRL_CLOSE_EVENT = 2;
    /** A user logs off; since Windows 7 only services receive it (a process that loads user32 does not). @see <a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a> */
    static final int CTRL_LOGOFF_EVENT = 5;
    /** The system shuts down; likewise only services receive it. @see <a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a> */
    static final int CTRL_SHUTDOWN_EVENT = 6;

    private WinConH() {
    }
}
