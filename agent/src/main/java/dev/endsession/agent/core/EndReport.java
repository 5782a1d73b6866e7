package dev.endsession.agent.core;

import java.time.Duration;
import java.util.List;

/**
 * What the JVM's one end-of-session cleanup did.
 *
 * @param finished listeners whose {@code onEndSession} returned before the deadline
 * @param failed listeners whose {@code onEndSession} threw
 * @param overran listeners still running at the deadline
 * @param took how long the cleanup took
 */
public record EndReport(List<String> finished, List<String> failed, List<String> overran, Duration took) {

    public EndReport {
        finished = List.copyOf(finished);
        failed = List.copyOf(failed);
        overran = List.copyOf(overran);
    }

    /** @return {@code true} if every cleanup returned normally before the deadline */
    public boolean complete() {
        return failed.isEmpty() && overran.isEmpty();
    }
}
