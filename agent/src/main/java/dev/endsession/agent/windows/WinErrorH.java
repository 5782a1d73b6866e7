package dev.endsession.agent.windows;

/**
 * The error codes of {@code winerror.h} the bridge reacts to.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-">System error codes</a>
 */
@Header("winerror.h")
final class WinErrorH {

    /** ShutdownBlockReasonCreate called from a thread that did not create the window. @see <a href="https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-">System error codes</a> */
    static final int ERROR_ACCESS_DENIED = 5;
    /** AdjustTokenPrivileges succeeded but the token lacks the privilege. @see <a href="https://learn.microsoft.com/windows/win32/debug/system-error-codes--1300-1699-">System error codes</a> */
    static final int ERROR_NOT_ALL_ASSIGNED = 1300;

    private WinErrorH() {
    }
}
