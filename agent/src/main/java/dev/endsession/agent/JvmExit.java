package dev.endsession.agent;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/**
 * The cleanups at JVM exit: SIGTERM, {@code System.exit} or the last thread ending run them once
 * with {@link Reason#JVM_EXIT}, unless an end of session already ran them (then this only waits for
 * them to finish, so the JVM does not halt mid-cleanup). Run by the exit hook that {@code premain}
 * registers (see {@link dev.endsession.agent.boot.Startup}); a named class, not a lambda:
 * bootstrapping a lambda would cost milliseconds at agent start.
 */
final class JvmExit implements Runnable {

    private final Coordinator coordinator;
    private final Duration budget;

    JvmExit(Coordinator coordinator, Duration budget) {
        this.coordinator = coordinator;
        this.budget = budget;
    }

    @Override
    public void run() {
        coordinator.end(EnumSet.of(Reason.JVM_EXIT), Instant.now().plus(budget));
    }
}
