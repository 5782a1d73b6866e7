package dev.endsession.agent.windows;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * The thread that owns the agent's hidden window and pumps its messages, as JNA's
 * {@code User32Util.MessageLoopThread} does: work that must run on the window's thread (Windows
 * refuses {@code ShutdownBlockReasonCreate} from any other) is queued and the loop woken with a
 * thread message.
 *
 * <p>Thread-safe. A daemon thread: it never keeps the JVM alive.
 */
final class WindowThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");

    private final Win32Port port;
    private final String className;
    private final String title;
    private final Win32Port.WindowProc proc;
    private final LongConsumer onCreated;
    private final Queue<Runnable> work = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Long> window = new CompletableFuture<>();
    private final Thread thread;
    private volatile int threadId;

    /**
     * @param onCreated runs on the window thread once the window exists, before the loop starts
     */
    WindowThread(Win32Port port, String className, String title, Win32Port.WindowProc proc, LongConsumer onCreated) {
        this.port = port;
        this.className = className;
        this.title = title;
        this.proc = proc;
        this.onCreated = onCreated;
        this.thread = new Thread(this::run, "endsession-window");
        thread.setDaemon(true);
    }

    /** Starts the thread and waits until the window exists. @return the window's handle */
    long start(Duration timeout) throws Exception {
        thread.start();
        try {
            return window.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the window thread did not create its window within " + timeout.toMillis() + " ms");
        }
    }

    /** @return {@code true} on the window's own thread */
    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the window thread (at once if already there). */
    <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(task.call());
            } catch (Exception | LinkageError e) {
                result.completeExceptionally(e);
            }
        };
        if (isCurrent()) {
            run.run();
        } else {
            work.add(run);
            port.wake(threadId);
        }
        return result;
    }

    private void run() {
        long hwnd;
        try {
            threadId = port.currentThreadId();
            hwnd = port.createHiddenWindow(className, title, proc);
            onCreated.accept(hwnd);
        } catch (RuntimeException | LinkageError e) {
            window.completeExceptionally(e);
            return;
        }
        window.complete(hwnd);
        try {
            port.pumpMessages(this::drain);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("The end-of-session window stopped pumping messages ({}); this JVM no longer hears a logoff", e.toString());
        } finally {
            try {
                port.destroyWindow(hwnd, className);
            } catch (RuntimeException e) {
                LOG.debug("Could not destroy the end-of-session window: {}", e.toString());
            }
        }
    }

    private void drain() {
        for (Runnable next = work.poll(); next != null; next = work.poll()) {
            next.run();
        }
    }

    /** Ends the loop, destroys the window, and waits briefly for the thread; never throws. */
    @Override
    public void close() {
        if (!window.isDone() || window.isCompletedExceptionally()) {
            return;
        }
        try {
            port.quit(threadId);
            thread.join(5_000);
        } catch (RuntimeException e) {
            LOG.debug("Could not stop the window thread: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
