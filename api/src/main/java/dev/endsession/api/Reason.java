package dev.endsession.api;

/**
 * Why a session is ending, as the flags Windows reports them. A round carries a set of these.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a>
 */
public enum Reason {
    /** The user is logging off ({@code ENDSESSION_LOGOFF}, 0x80000000). */
    LOGOFF,
    /** The system shuts down or restarts: Windows reports both as lParam 0 and cannot tell them apart. */
    SHUTDOWN,
    /** The system restarts. Only the simulated session bus can report this. */
    RESTART,
    /** An installer or the Restart Manager closes the app ({@code ENDSESSION_CLOSEAPP}, 0x1). */
    CLOSE_APP,
    /** A critical end: vetoes are not honoured ({@code ENDSESSION_CRITICAL}, 0x40000000). */
    CRITICAL,
    /** A forced end ({@code EWX_FORCE}): there is no query phase at all. */
    FORCED,
    /** The console window is being closed ({@code CTRL_CLOSE_EVENT}). */
    CONSOLE_CLOSE,
    /** The JVM is exiting for its own reasons: SIGTERM, {@code System.exit}, the last thread ending. */
    JVM_EXIT
}
