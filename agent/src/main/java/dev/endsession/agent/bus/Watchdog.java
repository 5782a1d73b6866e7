package dev.endsession.agent.bus;

import dev.endsession.agent.threads.Threads;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Read timeouts for blocking Unix-domain channels, which have none of their own: a connection holds
 * one {@link Deadline} for its life and moves it before each read; a read that outlasts it finds
 * its channel closed. One timer thread, gone while nothing is watched. Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer = Threads.timer("endsession-bus-watchdog");

    /** @param channel closed when a read outlasts its deadline; {@link Deadline#stop()} it when the connection ends */
    Deadline watch(Closeable channel) {
        return new Deadline(channel);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * One channel's read deadline. Moving it is a field write, not a timer operation (a round reads
     * three frames): the timer checks when its last check comes due and checks again later while
     * the deadline has moved, as Netty's idle handler does.
     */
    final class Deadline implements Runnable {
        private final Closeable channel;
        private volatile long due; // System.nanoTime() by which the pending read must finish
        // Set before the close: a read fails only once the close has begun, so by then it is true.
        private volatile boolean fired;
        private boolean reading; // guarded by this
        private boolean stopped; // guarded by this
        private Future<?> check; // guarded by this: the timer's next look, if one is due
        private long checkAt; // guarded by this: when that look is due (System.nanoTime())

        private Deadline(Closeable channel) {
            this.channel = channel;
        }

        /** Before a read: it must finish within {@code timeout} (at once if the watchdog is closed). */
        void reading(Duration timeout) {
            due = System.nanoTime() + timeout.toNanos();
            synchronized (this) {
                reading = true;
                if (check != null && due - checkAt < 0) { // a shorter timeout than the pending look's
                    check.cancel(false);
                    check = null;
                }
                if (check == null && !stopped) {
                    lookIn(timeout.toNanos());
                }
            }
        }

        /** After a read returned or failed. @return {@code true} if the deadline cut it (the channel was closed) */
        boolean read() {
            synchronized (this) {
                reading = false;
            }
            return fired;
        }

        /** The connection is over: no more looks. */
        synchronized void stop() {
            stopped = true;
            if (check != null) {
                check.cancel(false);
                check = null;
            }
        }

        /** The timer's look: closes the channel if a read is past its deadline, else looks again when it is due. */
        @Override
        public void run() {
            synchronized (this) {
                check = null;
                if (!reading || stopped) {
                    return; // the next read asks for a look
                }
                long left = due - System.nanoTime();
                if (left > 0) {
                    lookIn(left);
                    return;
                }
                fired = true;
            }
            closeChannel();
        }

        private void lookIn(long nanos) { // holding the lock
            try {
                checkAt = System.nanoTime() + nanos;
                check = timer.schedule(this, nanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                fired = true; // the endpoint is closing: so is every connection
                closeChannel();
            }
        }

        private void closeChannel() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the read fails either way
            }
        }
    }
}
