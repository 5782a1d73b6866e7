package dev.endsession.agent.bus;

import dev.endsession.agent.threads.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Sends one request to many apps at once and collects the replies within one timeout, so a round
 * over N apps costs about one round trip, not N. Apps still silent at the timeout are reported as
 * such (and the caller decides what that means); every second of waiting, the still-silent apps are
 * reported as slow. Not thread-safe: one fan-out at a time.
 */
final class Fanout implements AutoCloseable {

    /** One call: blocks until the app (or whatever {@code K} is) replies. */
    interface Call<K, T> {
        T on(K target) throws Exception;
    }

    /** One reply: a value, an error, or nothing before the timeout. */
    record Reply<T>(T value, Exception error, boolean timedOut, long millis) {
        boolean ok() {
            return error == null && !timedOut;
        }
    }

    private static final Duration TICK = Duration.ofSeconds(1);

    /** Shared by every fan-out of the JVM: a thread start is a large share of a round (bench/README.md). */
    private static final ExecutorService POOL = Threads.cached("endsession-round");

    private final List<Future<?>> submitted = new ArrayList<>();

    /**
     * @param apps the apps to call, all at once
     * @param timeout how long to wait for all of them
     * @param call what to do with each
     * @param slow told of each app still silent, once per second of waiting
     * @return each app's reply, by app, in the order of {@code apps}
     */
    <K, T> Map<K, Reply<T>> call(List<K> apps, Duration timeout, Call<K, T> call, BiConsumer<K, Duration> slow) {
        long start = System.nanoTime();
        Replies<K, T> replies = new Replies<>(apps.size());
        for (K app : apps) {
            submitted.add(POOL.submit(new Attempt<>(app, call, replies)));
        }
        long deadline = start + timeout.toNanos();
        long nextTick = start + TICK.toNanos();
        try {
            // One wake-up when the last reply is in, not one per reply: over 50 apps that was 50 wake-ups a step.
            while (!replies.all.await(Math.min(deadline, nextTick) - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                if (now >= nextTick) {
                    Duration waited = Duration.ofNanos(now - start);
                    for (K app : apps) {
                        if (!replies.byApp.containsKey(app)) {
                            slow.accept(app, waited);
                        }
                    }
                    nextTick += TICK.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        Map<K, Reply<T>> inOrder = new LinkedHashMap<>(); // the callers report in this order: make it the apps' own
        for (K app : apps) {
            Reply<T> reply = replies.byApp.get(app);
            inOrder.put(app, reply != null ? reply : new Reply<>(null, null, true, took));
        }
        return inOrder;
    }

    /** The replies of one fan-out, by app, and a latch that opens when every app has replied. */
    private static final class Replies<K, T> {
        final Map<K, Reply<T>> byApp = new ConcurrentHashMap<>();
        final CountDownLatch all;

        Replies(int apps) {
            all = new CountDownLatch(apps);
        }

        void add(K app, Reply<T> reply) {
            byApp.put(app, reply);
            all.countDown();
        }
    }

    /** One app's call, on a pool thread: whatever it returns or throws becomes its reply. */
    private static final class Attempt<K, T> implements Runnable {
        private final K app;
        private final Call<K, T> call;
        private final Replies<K, T> replies;

        Attempt(K app, Call<K, T> call, Replies<K, T> replies) {
            this.app = app;
            this.call = call;
            this.replies = replies;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            Reply<T> reply;
            try {
                T value = call.on(app);
                reply = new Reply<>(value, null, false, (System.nanoTime() - start) / 1_000_000);
            } catch (Exception e) {
                reply = new Reply<>(null, e, false, (System.nanoTime() - start) / 1_000_000);
            } catch (Error e) { // still a reply, so the fan-out does not wait for it until the timeout
                replies.add(app, new Reply<>(null, new ExecutionException(e), false, (System.nanoTime() - start) / 1_000_000));
                throw e;
            }
            replies.add(app, reply);
        }
    }

    /** Interrupts the calls still running (an app given up on), as a pool of its own would be shut down. */
    @Override
    public void close() {
        for (Future<?> future : submitted) {
            future.cancel(true);
        }
        submitted.clear();
    }
}
