package dev.endsession.agent.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listener calls of one query or cancel on the calling thread, one after another, each within its
 * budget ({@link CallerRuns}). A call that overruns is left to its listener on that thread; a timer
 * reports it, and the calls after it, then {@link #done()}, run on another thread. Which of the two
 * happened for a call (it answered, or it was given up) is settled by one compare-and-set, so each
 * call is reported exactly once and the thread that lost never touches the round again.
 */
abstract class Here {

    private static final int RUNNING = 0;
    private static final int ANSWERED = 1;
    private static final int GIVEN_UP = 2;

    private final List<Listeners.Entry> entries;
    private final CallerRuns runs;

    Here(List<Listeners.Entry> entries, CallerRuns runs) {
        this.entries = entries;
        this.runs = runs;
    }

    /** @return {@code true} if every call from {@code first} on ran on this thread; {@code false} if the rest moved away */
    final boolean from(int first) {
        for (int i = first; i < entries.size(); i++) {
            if (!new Call(i).runHere()) {
                return false;
            }
        }
        return true;
    }

    /** The listener call itself, on the calling thread. @return its result */
    abstract Object call(Listeners.Entry entry);

    /** The call returned (or threw: {@code failure}) within its budget. */
    abstract void answered(Listeners.Entry entry, Object result, Throwable failure, Duration took);

    /** The call overran its budget: it is given up, on the timer's thread. */
    abstract void overran(Listeners.Entry entry, Duration budget);

    /** @return the budget of the next call */
    abstract Duration budget();

    /** @return how much longer the call may take once its budget is spent (a prompt on screen), or {@code null} */
    abstract Duration extension();

    /** Every call was made, on the thread the rest moved to. */
    abstract void done();

    /** One call on this thread, and the timer that gives it up. */
    private final class Call implements Runnable {
        private final int index;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile CallerRuns.Armed armed;
        private volatile Duration budget;
        private boolean extended; // the timer's own

        Call(int index) {
            this.index = index;
        }

        /** @return {@code true} if the call answered in time; {@code false} if it was given up meanwhile */
        boolean runHere() {
            Listeners.Entry entry = entries.get(index);
            long start = System.nanoTime();
            budget = budget();
            armed = runs.arm(budget, this);
            Object result = null;
            Throwable failure = null;
            try {
                result = call(entry);
            } catch (Throwable e) { // as a worker's future would have caught it
                failure = e;
            }
            // The caller's thread goes on (the bus reads its connection with it): an interrupt the
            // listener left behind would close that channel. It was the listener's, as on a worker.
            Thread.interrupted();
            if (!state.compareAndSet(RUNNING, ANSWERED)) {
                return false; // reported as hung already; the rest went on elsewhere
            }
            armed.disarm();
            answered(entry, result, failure, Duration.ofNanos(System.nanoTime() - start));
            return true;
        }

        /** The timer: the budget is spent. */
        @Override
        public void run() {
            if (state.get() != RUNNING) {
                return;
            }
            Duration more = extended ? null : extension();
            if (more != null && !more.isZero()) {
                extended = true;
                budget = budget.plus(more);
                armed = runs.arm(more, this);
                return;
            }
            if (state.compareAndSet(RUNNING, GIVEN_UP)) {
                overran(entries.get(index), budget);
                runs.elsewhere(new Rest(index + 1));
            }
        }
    }

    /** The calls after a given-up one, then {@link #done()}, on another thread. */
    private final class Rest implements Runnable {
        private final int first;

        Rest(int first) {
            this.first = first;
        }

        @Override
        public void run() {
            if (from(first)) {
                done();
            }
        }
    }
}
