package dev.endsession.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Phase 2 of an end of session: it ends ({@link #ending()} is {@code true}: save, flush, close) or
 * it was cancelled ({@link #ending()} is {@code false}: resume).
 */
public interface EndSessionEvent {

    /** @return why the session is ending; never empty */
    Set<Reason> reasons();

    /** @return {@code true} if the session ends and the process will be terminated after cleanup */
    boolean ending();

    /** @return when the process may be terminated whatever the cleanups are doing */
    Instant deadline();

    /** @return how long is left until {@link #deadline()}, never negative */
    default Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
