package dev.endsession.agent.windows;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The session really ends (a confirmed {@code WM_ENDSESSION}, a console close or shutdown): the
 * cleanups, then the JVM's own exit, within the budget, before the caller returns to Windows, which
 * may end the process at any moment after that
 * (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-endsession">WM_ENDSESSION</a>).
 * Or the app is asked to close ({@code WM_CLOSE}): the same, on a thread of its own, as nothing waits.
 */
final class Ending {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");

    private final Coordinator coordinator;
    private final JvmShutdown shutdown;

    Ending(Coordinator coordinator, JvmShutdown shutdown) {
        this.coordinator = coordinator;
        this.shutdown = shutdown;
    }

    /** Runs the cleanups, then the JVM's exit; returns when both are done or {@code budget.total()} is spent. */
    void run(Set<Reason> reasons, Budgets.End budget) {
        Instant start = Instant.now();
        EndReport report = coordinator.end(reasons, start.plus(budget.cleanups()));
        LOG.info("Session ends {}: cleanups finished {}, failed {}, still running {}", reasons, report.finished(),
                report.failed(), report.overran());
        shutdown.exitAndAwait(start.plus(budget.total()));
    }

    /**
     * A polite request to exit ({@code WM_CLOSE}, as {@code taskkill} without /F sends): the cleanups
     * with {@link Reason#CLOSE_APP}, then the JVM's normal exit, on a new thread; returns at once.
     */
    void closeRequested(Duration exitBudget) {
        LOG.info("Asked to close (WM_CLOSE): cleaning up, then exiting");
        Instant deadline = Instant.now().plus(exitBudget);
        coordinator.endOnNewThread(EnumSet.of(Reason.CLOSE_APP), deadline, () -> shutdown.exitAndAwait(deadline.plus(exitBudget)),
                "endsession-close");
    }
}
