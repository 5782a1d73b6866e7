package dev.endsession.agent.windows;

/**
 * The shutdown reason codes of {@code reason.h} used when this agent starts an end of session.
 * A planned application maintenance end is what an app asking for a logoff or restart is.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/shutdown/system-shutdown-reason-codes">System shutdown reason codes</a>
 */
@Header("reason.h")
final class ReasonH {

    /** Major reason: an application. @see <a href="https://learn.microsoft.com/windows/win32/shutdown/system-shutdown-reason-codes">Shutdown reason codes</a> */
    static final int SHTDN_REASON_MAJOR_APPLICATION = 0x00040000;
    /** Minor reason: maintenance. @see <a href="https://learn.microsoft.com/windows/win32/shutdown/system-shutdown-reason-codes">Shutdown reason codes</a> */
    static final int SHTDN_REASON_MINOR_MAINTENANCE = 0x00000001;
    /** The end was planned. @see <a href="https://learn.microsoft.com/windows/win32/shutdown/system-shutdown-reason-codes">Shutdown reason codes</a> */
    static final int SHTDN_REASON_FLAG_PLANNED = 0x80000000;

    private ReasonH() {
    }
}
