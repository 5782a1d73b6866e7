package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.ReasonH.SHTDN_REASON_FLAG_PLANNED;
import static dev.endsession.agent.windows.ReasonH.SHTDN_REASON_MAJOR_APPLICATION;
import static dev.endsession.agent.windows.ReasonH.SHTDN_REASON_MINOR_MAINTENANCE;
import static dev.endsession.agent.windows.WinUserH.EWX_FORCE;
import static dev.endsession.agent.windows.WinUserH.EWX_FORCEIFHUNG;
import static dev.endsession.agent.windows.WinUserH.EWX_LOGOFF;
import static dev.endsession.agent.windows.WinUserH.EWX_POWEROFF;
import static dev.endsession.agent.windows.WinUserH.EWX_REBOOT;
import static dev.endsession.agent.windows.WinUserH.EWX_SHUTDOWN;

import dev.endsession.api.Reason;

/**
 * An end of session this JVM asks Windows for: the arguments of {@code ExitWindowsEx}.
 *
 * @param flags {@code EWX_LOGOFF}, {@code EWX_SHUTDOWN | EWX_POWEROFF} (EWX_SHUTDOWN alone leaves the power on)
 *        or {@code EWX_REBOOT}, maybe with {@code EWX_FORCE} (no query at all; no effect when Terminal Services
 *        is enabled, as on a server with Remote Desktop Services) or {@code EWX_FORCEIFHUNG} (apps that do not answer are ended)
 * @param reason a planned application-maintenance reason: never 0, which Windows logs as an unplanned end
 * @param needsPrivilege shutting down and restarting need {@code SE_SHUTDOWN_NAME} enabled; logging off does not
 * @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a>
 */
record ExitRequest(int flags, int reason, boolean needsPrivilege) {

    /** What an app that ends the session on purpose says: planned application maintenance. */
    static final int PLANNED_REASON = SHTDN_REASON_MAJOR_APPLICATION | SHTDN_REASON_MINOR_MAINTENANCE | SHTDN_REASON_FLAG_PLANNED;

    /**
     * @param what LOGOFF, SHUTDOWN or RESTART
     * @param force end without asking anyone
     * @param forceIfHung end apps that do not answer in time
     * @return the request
     * @throws IllegalArgumentException for any other reason
     */
    static ExitRequest of(Reason what, boolean force, boolean forceIfHung) {
        int kind = switch (what) {
            case LOGOFF -> EWX_LOGOFF;
            case SHUTDOWN -> EWX_SHUTDOWN | EWX_POWEROFF;
            case RESTART -> EWX_REBOOT;
            default -> throw new IllegalArgumentException("Only LOGOFF, SHUTDOWN or RESTART can be started, not " + what);
        };
        int flags = kind | (force ? EWX_FORCE : 0) | (forceIfHung ? EWX_FORCEIFHUNG : 0);
        return new ExitRequest(flags, PLANNED_REASON, what != Reason.LOGOFF);
    }

    /**
     * Asks Windows for this end of session; Windows answers at once and runs the round on its own:
     * success means "started", not "done" (ExitWindowsEx is asynchronous; apps may still cancel it).
     *
     * @throws IllegalStateException if Windows refused, with its error code
     */
    void sendTo(Win32Port port) {
        try {
            if (needsPrivilege) {
                port.enableShutdownPrivilege();
            }
            port.exitWindowsEx(flags, reason);
        } catch (Win32Failure e) {
            throw new IllegalStateException("Windows refused to end the session: " + e.getMessage()
                    + (needsPrivilege ? " (shutting down needs the SeShutdownPrivilege)" : ""), e);
        }
    }
}
