package dev.endsession.testkit;

import java.time.Duration;
import java.util.List;

/**
 * What happened to one app in a round.
 *
 * @param name the app's name
 * @param answer {@code ok}, {@code veto}, {@code hung} or {@code not-asked} (the CLI's JSON values)
 * @param reason the veto's reason, or why the app counts as hung; empty otherwise
 * @param queryTime how long its query took, or {@code null} if it was not asked
 * @param endTime how long its end (or cancellation) took, or {@code null} if none was sent
 * @param ended {@code true} if it was told the session ends and ran its cleanups
 * @param terminated {@code true} if the round terminated it
 * @param cleanedUp the listeners whose cleanup finished in time (simulated apps only; empty for real JVMs)
 * @param overran the listeners whose cleanup was still running at the deadline (simulated apps only)
 */
public record AppReport(String name, String answer, String reason, Duration queryTime, Duration endTime, boolean ended,
        boolean terminated, List<String> cleanedUp, List<String> overran) {

    public AppReport {
        cleanedUp = List.copyOf(cleanedUp);
        overran = List.copyOf(overran);
    }

    /** @return {@code true} if the app vetoed */
    public boolean vetoed() {
        return "veto".equals(answer);
    }
}
