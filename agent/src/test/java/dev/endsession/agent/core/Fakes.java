package dev.endsession.agent.core;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** Listeners for coordinator tests: each writes what happened to it into a shared journal. */
final class Fakes {

    private Fakes() {
    }

    /** What every listener of a test did, in order. */
    static final class Journal {
        final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }
    }

    /** A listener with a name, an order, a query answer and an optional cleanup action. */
    static class Scripted implements EndSessionListener {
        final String name;
        final int order;
        final Journal journal;
        Function<QueryEndSession, Vote> answer = q -> Vote.allow();
        Runnable cleanup = () -> { };

        Scripted(String name, int order, Journal journal) {
            this.name = name;
            this.order = order;
            this.journal = journal;
        }

        Scripted answering(Function<QueryEndSession, Vote> value) {
            this.answer = value;
            return this;
        }

        Scripted cleaningUp(Runnable value) {
            this.cleanup = value;
            return this;
        }

        @Override
        public Vote onQueryEndSession(QueryEndSession query) {
            journal.add("query " + name);
            return answer.apply(query);
        }

        @Override
        public void onEndSession(EndSessionEvent event) {
            journal.add("end " + name);
            cleanup.run();
            journal.add("ended " + name);
        }

        @Override
        public void onEndSessionCancelled(EndSessionEvent event) {
            journal.add("cancelled " + name);
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public String name() {
            return name;
        }
    }

    /** Blocks the calling worker until the test releases it (so "hung" needs no sleep). */
    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
