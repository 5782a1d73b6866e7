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
 * Read timeouts for blocking Unix-domain channels, which have none of their own: a connection arms
 * the watchdog before a read and disarms it after; if the read outlasts it, the watchdog closes the
 * channel and the read fails. One timer thread, gone while nothing is armed. Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer = Threads.timer("endsession-bus-watchdog");

    /** An armed timeout; {@link #disarm()} it once the read returned. */
    interface Armed {
        /** @return {@code true} if the read was still pending at the deadline (the channel was closed) */
        boolean disarm();
    }

    /** @param channel closed if the read does not finish within {@code timeout} (at once if the watchdog is closed) */
    Armed arm(Closeable channel, Duration timeout) {
        Closing closing = new Closing(channel);
        try {
            closing.timer = timer.schedule(closing, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            closing.run(); // the endpoint is closing: so is every connection
        }
        return closing;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Closes a channel whose read outlasted its timeout. */
    private static final class Closing implements Runnable, Armed {
        private final Closeable channel;
        private volatile Future<?> timer;
        // Set before the close: a read fails only once the close has begun, so by then it is true.
        private volatile boolean fired;

        Closing(Closeable channel) {
            this.channel = channel;
        }

        @Override
        public void run() {
            fired = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // the read fails either way
            }
        }

        @Override
        public boolean disarm() {
            Future<?> armed = timer;
            if (armed != null) {
                armed.cancel(false);
            }
            return fired;
        }
    }
}
