package dev.endsession.agent.windows;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The session really ends (a confirmed {@code WM_ENDSESSION}, a console close or shutdown): the
 * cleanups, then the JVM's own exit, within one budget, before the caller returns to Windows, which
 * may end the process at any moment after that
 * (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-endsession">WM_ENDSESSION</a>).
 */
final class Ending {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");

    private final Coordinator coordinator;
    private final JvmShutdown shutdown;

    Ending(Coordinator coordinator, JvmShutdown shutdown) {
        this.coordinator = coordinator;
        this.shutdown = shutdown;
    }

    /** Runs the cleanups and the JVM's exit; returns when both are done or {@code budget} is spent. */
    void run(Set<Reason> reasons, Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        EndReport report = coordinator.end(reasons, deadline);
        LOG.info("Session ends {}: cleanups finished {}, failed {}, still running {}", reasons, report.finished(),
                report.failed(), report.overran());
        shutdown.exitAndAwait(deadline);
    }
}
