package dev.endsession.agent.bus;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Read timeouts for blocking Unix-domain channels, which have none of their own: a connection arms
 * the watchdog before a read and disarms it after; if the read outlasts it, the watchdog closes the
 * channel and the read fails. One timer thread, started on demand and gone after a second idle, so
 * an idle endpoint holds no thread but its acceptor. Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "endsession-bus-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
    }

    /** An armed timeout; {@link #disarm()} it once the read returned. */
    interface Armed {
        /** @return {@code true} if the read was still pending at the deadline (the channel was closed) */
        boolean disarm();
    }

    /** @param channel closed if the read does not finish within {@code timeout} */
    Armed arm(Closeable channel, Duration timeout) {
        // Set before the close: the read fails only once the close has begun, so by then it is true.
        // (The task's own state is no guide: a close still running can be "cancelled".)
        AtomicBoolean fired = new AtomicBoolean();
        Runnable close = () -> {
            fired.set(true);
            try {
                channel.close();
            } catch (IOException ignored) {
                // the read fails either way
            }
        };
        try {
            ScheduledFuture<?> closing = timer.schedule(close, timeout.toMillis(), TimeUnit.MILLISECONDS);
            return () -> {
                closing.cancel(false);
                return fired.get();
            };
        } catch (RejectedExecutionException closedEndpoint) {
            close.run(); // the endpoint is closing: so is every connection
            return () -> false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
