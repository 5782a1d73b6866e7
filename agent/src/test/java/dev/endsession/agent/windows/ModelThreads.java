package dev.endsession.agent.windows;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads and their message queues in the {@link WindowsModel}: each thread has an id and a queue;
 * a thread that pumps handles what is queued one at a time, in order; a message sent to a window of
 * another thread is queued there and the sender waits for the answer
 * (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-sendmessage">SendMessage</a>,
 * <a href="https://learn.microsoft.com/windows/win32/winmsg/about-messages-and-message-queues">About messages and message queues</a>).
 */
final class ModelThreads {

    /** How long a simulated cross-thread SendMessage may wait before the model reports a hang. */
    static final long SEND_TIMEOUT_SECONDS = 30;

    private static final Runnable QUIT = () -> { };
    private static final Runnable WAKE = () -> { };

    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Map<Thread, Integer> threads = new ConcurrentHashMap<>();
    private final Map<Integer, BlockingQueue<Runnable>> queues = new ConcurrentHashMap<>();

    /** @return the calling thread's id, as GetCurrentThreadId would give */
    int current() {
        return threads.computeIfAbsent(Thread.currentThread(), t -> ids.incrementAndGet());
    }

    /** Queues {@code task} on thread {@code threadId}; it runs there when that thread pumps. */
    void post(int threadId, Runnable task) {
        queues.computeIfAbsent(threadId, id -> new LinkedBlockingQueue<>()).add(task);
    }

    /** A thread message {@code WM_USER}: the loop runs its work. */
    void wake(int threadId) {
        post(threadId, WAKE);
    }

    /** A thread message {@code WM_QUIT}: the loop ends. */
    void quit(int threadId) {
        post(threadId, QUIT);
    }

    /** The calling thread's message loop, until {@link #quit}. */
    void pump(Runnable work) {
        BlockingQueue<Runnable> queue = queues.computeIfAbsent(current(), id -> new LinkedBlockingQueue<>());
        try {
            for (Runnable next = queue.take(); next != QUIT; next = queue.take()) {
                if (next == WAKE) {
                    work.run(); // the loop's own work
                } else {
                    next.run(); // a sent message or a WinEvent, run on this thread
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code call} on thread {@code owner} (at once if that is the caller) and waits for its result. */
    <T> T send(int owner, String what, Callable<T> call) {
        T answer = sendWithin(owner, what, call, TimeUnit.SECONDS.toMillis(SEND_TIMEOUT_SECONDS));
        if (answer == null) {
            throw new IllegalStateException(what + " was not answered within " + SEND_TIMEOUT_SECONDS + " s");
        }
        return answer;
    }

    /**
     * As {@link #send}, but waits at most {@code millis}, as Windows waits for an end-of-session answer.
     *
     * @return the answer, or {@code null} if it did not come in time (the call goes on, unobserved)
     */
    <T> T sendWithin(int owner, String what, Callable<T> call, long millis) {
        try {
            if (owner == current()) {
                return call.call();
            }
            FutureTask<T> delivery = new FutureTask<>(call);
            post(owner, delivery);
            return delivery.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("window procedure threw on " + what, e.getCause());
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
