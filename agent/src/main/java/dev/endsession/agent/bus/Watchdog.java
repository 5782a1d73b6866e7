package dev.endsession.agent.bus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Read timeouts for blocking Unix-domain channels, which have none of their own: a connection arms
 * the watchdog before a read and disarms it after; if the read outlasts it, the watchdog closes the
 * channel and the read fails. It also times the budget of a listener called on a connection's own
 * thread ({@link #schedule}, for {@link dev.endsession.agent.core.CallerRuns}).
 *
 * <p>Arming and disarming only add to and remove from a list: the one timer thread sleeps until the
 * earliest deadline and is woken only by a deadline earlier than that, so a frame costs no thread
 * hand-off (the app side runs interpreted: a scheduled executor's queue work and two wake-ups per
 * frame were a measurable share of a round). The thread starts on demand and leaves after a second
 * with nothing armed, so an idle endpoint holds no thread but its acceptor. Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

    private static final long IDLE_NANOS = 1_000_000_000L;

    private final List<Entry> armed = new ArrayList<>(); // guarded by this
    private Thread thread; // guarded by this: the timer thread, while it runs
    private long wakeAt; // guarded by this: when the timer thread wakes next
    private boolean closed; // guarded by this

    /** An armed timeout; {@link #disarm()} it once the read returned. */
    interface Armed {
        /** @return {@code true} if the read was still pending at the deadline (the channel was closed) */
        boolean disarm();
    }

    /** @param channel closed if the read does not finish within {@code timeout} */
    Armed arm(Closeable channel, Duration timeout) {
        Entry entry = new Entry(new Closing(channel), System.nanoTime() + timeout.toNanos());
        if (!add(entry)) {
            closeQuietly(channel); // the endpoint is closing: so is every connection
        }
        return entry;
    }

    /**
     * @param due run on the watchdog's thread after {@code delay} unless disarmed first (never once
     *     the endpoint is closing); it must be quick and must not block
     */
    Armed schedule(Runnable due, Duration delay) {
        Entry entry = new Entry(due, System.nanoTime() + delay.toNanos());
        add(entry);
        return entry;
    }

    /** @return {@code false} if the watchdog is closed */
    private synchronized boolean add(Entry entry) {
        if (closed) {
            return false;
        }
        armed.add(entry);
        if (thread == null) {
            thread = new Thread(new Timer(), "endsession-bus-watchdog");
            thread.setDaemon(true);
            thread.start();
        } else if (entry.deadline - wakeAt < 0) {
            notifyAll();
        }
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private static void closeQuietly(Closeable channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the read fails either way
        }
    }

    private final class Entry implements Armed {
        final Runnable due;
        final long deadline;
        // Set before it runs: a read fails only once the close has begun, so by then it is true.
        volatile boolean fired;

        Entry(Runnable due, long deadline) {
            this.due = due;
            this.deadline = deadline;
        }

        @Override
        public boolean disarm() {
            synchronized (Watchdog.this) {
                armed.remove(this);
            }
            return fired;
        }
    }

    /** Closes a channel whose read outlasted its timeout. */
    private static final class Closing implements Runnable {
        private final Closeable channel;

        Closing(Closeable channel) {
            this.channel = channel;
        }

        @Override
        public void run() {
            closeQuietly(channel);
        }
    }

    /** The timer thread: runs what is due (outside the lock: a channel's close waits for its reader). */
    private final class Timer implements Runnable {
        @Override
        public void run() {
            while (true) {
                List<Entry> due;
                synchronized (Watchdog.this) {
                    due = awaitDue();
                    if (due == null) {
                        thread = null;
                        return;
                    }
                }
                for (Entry entry : due) {
                    entry.fired = true;
                    try {
                        entry.due.run();
                    } catch (RuntimeException e) {
                        LOG.warn("A bus timer failed: {}", e.toString()); // a bug; the timer thread goes on
                    }
                }
            }
        }

        /** Called holding the lock. @return the entries past their deadline, or {@code null} to stop */
        private List<Entry> awaitDue() {
            long idleSince = System.nanoTime();
            while (!closed) {
                long now = System.nanoTime();
                List<Entry> due = null;
                long next = now + IDLE_NANOS;
                for (int i = armed.size() - 1; i >= 0; i--) {
                    Entry entry = armed.get(i);
                    if (entry.deadline - now <= 0) {
                        if (due == null) {
                            due = new ArrayList<>();
                        }
                        due.add(armed.remove(i));
                    } else if (entry.deadline - next < 0) {
                        next = entry.deadline;
                    }
                }
                if (due != null) {
                    return due;
                }
                if (!armed.isEmpty()) {
                    idleSince = now;
                } else if (now - idleSince >= IDLE_NANOS) {
                    return null;
                } else {
                    next = idleSince + IDLE_NANOS;
                }
                wakeAt = next;
                try {
                    Watchdog.this.wait(Math.max(1, (next - now + 999_999) / 1_000_000));
                } catch (InterruptedException e) {
                    return null; // nobody interrupts it but a JVM going down
                }
            }
            return null;
        }
    }
}
