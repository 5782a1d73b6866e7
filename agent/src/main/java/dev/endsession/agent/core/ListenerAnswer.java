package dev.endsession.agent.core;

import java.time.Duration;

/**
 * What one listener answered to a query.
 *
 * @param listener the listener's name
 * @param kind how it answered
 * @param reason the veto's reason, or the failure's message; empty otherwise
 * @param took how long it took (the budget, when hung)
 */
public record ListenerAnswer(String listener, Kind kind, String reason, Duration took) {

    /** How a listener answered. */
    public enum Kind {
        /** Allowed the end. */
        OK,
        /** Vetoed with a reason. */
        VETO,
        /** Threw; counts as allow unless the policy says otherwise. */
        FAILED,
        /** Did not answer within its budget; counts as allow unless the policy says otherwise. */
        HUNG
    }
}
