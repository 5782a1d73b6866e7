package dev.endsession.agent.core;

import dev.endsession.api.Reason;
import java.util.Set;

/**
 * Told what each of the JVM's rounds did, as the coordinator reports it (the agent's round record).
 * Called on the coordinator's threads: must be quick and must not throw.
 */
public interface RoundObserver {

    /** Observes nothing. */
    RoundObserver NONE = new RoundObserver() {
    };

    /** @param report the JVM's answer to a query, with every listener's */
    default void queried(QueryReport report) {
    }

    /** @param reasons why the session ends @param report what the cleanups did */
    default void ended(Set<Reason> reasons, EndReport report) {
    }

    /** @param reasons the cancelled round's reasons */
    default void cancelled(Set<Reason> reasons) {
    }
}
