package dev.endsession.agent.core;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.util.concurrent.Callable;

/**
 * The listener calls the coordinator hands to its workers. Named classes rather than lambdas: an
 * app answers its first round with cold code (a handful of rounds in its life), and a lambda's
 * first use spins a class at run time, about a millisecond each here, where a class from the jar
 * costs a tenth of that. Measured over 50 JVMs' first round: see {@code bench/README.md}.
 */
final class Calls {

    private Calls() {
    }

    /** {@code onQueryEndSession}. */
    static final class Query implements Callable<Vote> {
        private final EndSessionListener listener;
        private final QueryEndSession query;

        Query(EndSessionListener listener, QueryEndSession query) {
            this.listener = listener;
            this.query = query;
        }

        @Override
        public Vote call() {
            return listener.onQueryEndSession(query);
        }
    }

    /** {@code onEndSession} or {@code onEndSessionCancelled}, as the event says. */
    static final class Event implements Runnable {
        private final EndSessionListener listener;
        private final EndSessionEvent event;

        Event(EndSessionListener listener, EndSessionEvent event) {
            this.listener = listener;
            this.event = event;
        }

        @Override
        public void run() {
            if (event.ending()) {
                listener.onEndSession(event);
            } else {
                listener.onEndSessionCancelled(event);
            }
        }
    }
}
