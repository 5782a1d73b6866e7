package dev.endsession.agent.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
    /** How long a thread waits for the next call before it leaves. */
    private static final long KEEP_ALIVE_SECONDS = 5;

    /**
     * Shared by every fan-out of the JVM: a thread start costs 0.25 to 1.5 ms on this 2-core machine
     * (the starter waits until the new thread runs), which for 50 apps was a large share of a round;
     * an initiator that runs rounds one after another (a test kit, a benchmark, an app that initiates)
     * reuses them. A CLI process, one round in its life, starts one thread per app either way.
     */
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS,
            TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "endsession-round");
                thread.setDaemon(true);
                return thread;
            });

    private final List<Future<?>> submitted = new ArrayList<>();

    /**
     * @param apps the apps to call, all at once
     * @param timeout how long to wait for all of them
     * @param call what to do with each
     * @param slow told of each app still silent, once per second of waiting
     * @return each app's reply, by app, in the order of {@code apps}
     */
    <K, T> Map<K, Reply<T>> call(List<K> apps, Duration timeout, Call<K, T> call, BiConsumer<K, Duration> slow) {
        CompletionService<Map.Entry<K, Reply<T>>> done = new ExecutorCompletionService<>(POOL);
        long start = System.nanoTime();
        Map<K, Future<?>> pending = new HashMap<>();
        for (K app : apps) {
            Future<?> future = done.submit(() -> Map.entry(app, attempt(app, call)));
            pending.put(app, future);
            submitted.add(future);
        }
        Map<K, Reply<T>> replies = new HashMap<>();
        long deadline = start + timeout.toNanos();
        long nextTick = start + TICK.toNanos();
        try {
            while (!pending.isEmpty()) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                Future<Map.Entry<K, Reply<T>>> next = done.poll(Math.min(deadline, nextTick) - now, TimeUnit.NANOSECONDS);
                if (next != null) {
                    Map.Entry<K, Reply<T>> entry = next.get();
                    pending.remove(entry.getKey());
                    replies.put(entry.getKey(), entry.getValue());
                } else if (System.nanoTime() >= nextTick) {
                    Duration waited = Duration.ofNanos(System.nanoTime() - start);
                    new ArrayList<>(pending.keySet()).forEach(app -> slow.accept(app, waited));
                    nextTick += TICK.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a round's call failed outside its own error handling", e.getCause());
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        Map<K, Reply<T>> inOrder = new LinkedHashMap<>(); // the callers report in this order: make it the apps' own
        for (K app : apps) {
            Reply<T> reply = replies.get(app);
            inOrder.put(app, reply != null ? reply : new Reply<>(null, null, true, took));
        }
        return inOrder;
    }

    private static <K, T> Reply<T> attempt(K app, Call<K, T> call) {
        long start = System.nanoTime();
        try {
            T value = call.on(app);
            return new Reply<>(value, null, false, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            return new Reply<>(null, e, false, (System.nanoTime() - start) / 1_000_000);
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
