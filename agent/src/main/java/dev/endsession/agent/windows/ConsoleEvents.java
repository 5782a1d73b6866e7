package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinConH.CTRL_CLOSE_EVENT;
import static dev.endsession.agent.windows.WinConH.CTRL_LOGOFF_EVENT;
import static dev.endsession.agent.windows.WinConH.CTRL_SHUTDOWN_EVENT;

import dev.endsession.agent.core.Policy;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.util.EnumSet;

/**
 * The agent's console control handler. No veto is possible here: the process ends soon after the
 * handler returns, whatever it returns, so the handler returns only once the cleanups and the
 * JVM's own exit are done or the budget is spent. Registered after HotSpot's, it runs first
 * (<a href="https://learn.microsoft.com/windows/console/setconsolectrlhandler">SetConsoleCtrlHandler</a>:
 * newest first, each call on a fresh thread;
 * <a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a>).
 *
 * <p>A service ignores {@code CTRL_LOGOFF_EVENT}, as HotSpot's own handler does in a non-interactive
 * window station: some user logging off must not stop a service.
 */
final class ConsoleEvents implements Win32Port.ConsoleHandler {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");

    private final Ending ending;
    private final Budgets.End budget;
    private final boolean service;

    /** @param budget how long the cleanups and the JVM's exit may take before the handler returns */
    ConsoleEvents(Ending ending, Budgets.End budget, boolean service) {
        this.ending = ending;
        this.budget = budget;
        this.service = service;
    }

    @Override
    public boolean handle(int ctrlType) {
        Reason reason = switch (ctrlType) {
            case CTRL_CLOSE_EVENT -> Reason.CONSOLE_CLOSE;
            case CTRL_LOGOFF_EVENT -> Reason.LOGOFF;
            case CTRL_SHUTDOWN_EVENT -> Reason.SHUTDOWN;
            default -> null; // Ctrl+C and Ctrl+Break are the JVM's (SIGINT, thread dump)
        };
        if (reason == null) {
            return false;
        }
        if (Policy.serviceCarriesOn(service, EnumSet.of(reason))) {
            LOG.info("A user logs off; this process is a service and carries on");
            return false;
        }
        ending.run(EnumSet.of(reason), budget);
        return true;
    }
}
