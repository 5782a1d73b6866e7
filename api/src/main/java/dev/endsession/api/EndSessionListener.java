package dev.endsession.api;

/**
 * Takes part in the end of a user session. Plugins implement this and register it with a
 * {@code META-INF/services/dev.endsession.api.EndSessionListener} entry, or at run time through
 * {@link EndSession#register(EndSessionListener)}. Every method has a default: override only what
 * you need.
 *
 * <p>Each call runs on an agent worker thread with its own time budget: a method that throws is
 * logged (and its vote counts as allow), one that overruns its budget is reported as hung.
 */
public interface EndSessionListener {

    /**
     * Phase 1: may the session end? Answer fast; ask the user through {@link QueryEndSession#prompt()}
     * if you must.
     *
     * @param query the round's reasons, deadline and prompt
     * @return {@link Vote#allow()} or {@link Vote#veto(String)}
     */
    default Vote onQueryEndSession(QueryEndSession query) {
        return Vote.allow();
    }

    /**
     * Phase 2, the session ends: save, flush, close, before {@link EndSessionEvent#deadline()}.
     * Called at most once per JVM, whatever triggered it (an end of session, a console close,
     * SIGTERM or {@code System.exit}).
     *
     * @param event the reasons and the deadline
     */
    default void onEndSession(EndSessionEvent event) {
    }

    /**
     * Someone vetoed (or the initiator gave up): the session goes on; resume normal work.
     *
     * @param event the reasons of the cancelled round; {@link EndSessionEvent#ending()} is false
     */
    default void onEndSessionCancelled(EndSessionEvent event) {
    }

    /**
     * A query asks every listener at once; lower values prompt first (one prompt at a time) and come
     * first in its report. Cleanups run one after another in reverse order (highest first).
     *
     * @return this listener's order, 0 by default
     */
    default int order() {
        return 0;
    }

    /** @return the name used in logs and reports, the class name by default */
    default String name() {
        return getClass().getName();
    }
}
