package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.WM_DESTROY;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * The thread that owns the agent's hidden window and pumps its messages, as JNA's
 * {@code User32Util.MessageLoopThread} does. If the window is destroyed by anyone but {@link #close}
 * (say {@code DefWindowProc} on a {@code WM_CLOSE} the agent failed to handle), the thread creates
 * it again once the message is done: it wakes its own loop with a thread message, since a window
 * must not be created inside another's {@code WM_DESTROY}
 * (<a href="https://learn.microsoft.com/windows/win32/winmsg/wm-destroy">WM_DESTROY</a>).
 *
 * <p>Thread-safe. A daemon thread: it never keeps the JVM alive.
 */
final class WindowThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");

    private final Win32Port port;
    private final String className;
    private final String title;
    private final Optional<Path> iconOf;
    private final Win32Port.WindowProc proc;
    private final Win32Port.WindowProc own = this::dispatch; // one object: the window class keeps calling it
    private final LongConsumer onCreated;
    private final CompletableFuture<Long> window = new CompletableFuture<>();
    private final Thread thread;
    private volatile int threadId;
    private volatile long hwnd;
    private volatile boolean closing;
    private boolean lost; // only touched on the window thread

    /**
     * @param iconOf the executable whose icon the blocking-apps screen shows beside {@code title}, if known
     * @param onCreated runs on the window thread once the window exists, before the loop starts
     */
    WindowThread(Win32Port port, String className, String title, Optional<Path> iconOf, Win32Port.WindowProc proc,
            LongConsumer onCreated) {
        this.port = port;
        this.className = className;
        this.title = title;
        this.iconOf = iconOf;
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

    /** @return the hidden window's current handle */
    long hwnd() {
        return hwnd;
    }

    private long dispatch(long target, int message, long wParam, long lParam) {
        if (message == WM_DESTROY && !closing) {
            lost = true;
            port.wake(threadId); // recreate once this message is done
        }
        return proc.call(target, message, wParam, lParam);
    }

    private void run() {
        try {
            threadId = port.currentThreadId();
            hwnd = port.createHiddenWindow(className, title, iconOf, own);
            onCreated.accept(hwnd);
        } catch (RuntimeException | LinkageError e) {
            window.completeExceptionally(e);
            return;
        }
        window.complete(hwnd);
        try {
            port.pumpMessages(this::recreateIfLost);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("The end-of-session window stopped pumping messages ({}); this JVM no longer hears a logoff", e.toString());
        } finally {
            closing = true;
            try {
                port.destroyWindow(hwnd, className);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Could not destroy the end-of-session window: {}", e.toString());
            }
        }
    }

    /** The loop's own work, on the window thread: a window destroyed by someone else is made again. */
    private void recreateIfLost() {
        if (!lost || closing) {
            return;
        }
        lost = false;
        try {
            hwnd = port.createHiddenWindow(className, title, iconOf, own);
            LOG.warn("The end-of-session window was destroyed by someone else; it was created again");
        } catch (RuntimeException | LinkageError e) {
            LOG.error("The end-of-session window was destroyed and could not be created again ({}); this JVM no longer hears a logoff",
                    e.toString());
        }
    }

    /** Ends the loop, destroys the window, and waits briefly for the thread; never throws. */
    @Override
    public void close() {
        if (!window.isDone() || window.isCompletedExceptionally()) {
            return;
        }
        closing = true;
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
