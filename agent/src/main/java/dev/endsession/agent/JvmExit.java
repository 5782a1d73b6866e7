package dev.endsession.agent;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/**
 * The JVM-exit bridge: SIGTERM, {@code System.exit} or the last thread ending run the cleanups
 * once with {@link Reason#JVM_EXIT}, unless an end of session already ran them (then the hook only
 * waits for them to finish, so the JVM does not halt mid-cleanup).
 */
final class JvmExit {

    private JvmExit() {
    }

    static void install(Coordinator coordinator, Duration budget) {
        // A named class, not a lambda: bootstrapping a lambda would cost milliseconds at agent start.
        Runtime.getRuntime().addShutdownHook(new Thread("endsession-exit") {
            @Override
            public void run() {
                coordinator.end(EnumSet.of(Reason.JVM_EXIT), Instant.now().plus(budget));
            }
        });
    }
}
