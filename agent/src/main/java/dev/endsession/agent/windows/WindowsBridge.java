package dev.endsession.agent.windows;

import dev.endsession.agent.Bridge;
import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bridge to Windows itself: {@code WM_QUERYENDSESSION}/{@code WM_ENDSESSION} on a hidden
 * top-level window, console control events, and {@code ExitWindowsEx}. {@code Bridges} loads it by
 * name, and only on Windows, so no JNA class is loaded elsewhere. See {@code docs/windows.md}.
 *
 * <p>{@link #start} returns at once: loading JNA and creating the window happen on a daemon thread,
 * so the application's start is not delayed. Thread-safe.
 */
public final class WindowsBridge implements Bridge {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");

    private final CompletableFuture<WindowsSession> session = new CompletableFuture<>();

    /** Used by {@code Bridges}, reflectively. */
    public WindowsBridge() {
    }

    @Override
    public void start(Coordinator coordinator, AgentOptions options) {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new IllegalStateException("bridge=windows works only on Windows, not on " + os + "; use bridge=bus");
        }
        // A named class, not a lambda: the first lambda's bootstrap would cost milliseconds on the premain thread.
        Thread starter = new Thread(new Starter(coordinator, options), "endsession-windows-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Loads JNA and creates the window, off the premain thread. */
    private final class Starter implements Runnable {
        private final Coordinator coordinator;
        private final AgentOptions options;

        Starter(Coordinator coordinator, AgentOptions options) {
            this.coordinator = coordinator;
            this.options = options;
        }

        @Override
        public void run() {
            try {
                WindowsSession started = new WindowsSession(new Win32PortJNA(), coordinator, options, JvmShutdown.RuntimeExit.INSTANCE);
                started.start();
                session.complete(started);
            } catch (Exception | LinkageError e) {
                LOG.error("The windows bridge did not start ({}); this JVM hears only its own exit", e.toString());
                session.completeExceptionally(e);
            }
        }
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        return initiate(reason, force, false);
    }

    /**
     * @param reason LOGOFF, SHUTDOWN or RESTART
     * @param force {@code EWX_FORCE}: nobody is asked
     * @param forceIfHung {@code EWX_FORCEIFHUNG}: apps that do not answer are ended
     * @return {@code true}: Windows accepted the request and runs the round
     * @throws IllegalStateException if the bridge is not running or Windows refused
     */
    public boolean initiate(Reason reason, boolean force, boolean forceIfHung) {
        try {
            return session.get(10, TimeUnit.SECONDS).initiate(reason, force, forceIfHung);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The Windows bridge is not running: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Asks Windows to end the session without an agent running in this JVM (the CLI's
     * {@code logoff}/{@code shutdown}/{@code restart} on Windows). Call it by name, so JNA is loaded
     * only when it is called.
     *
     * @param reason LOGOFF, SHUTDOWN or RESTART
     * @param force {@code EWX_FORCE}
     * @param forceIfHung {@code EWX_FORCEIFHUNG}
     * @throws IllegalStateException if Windows refused, with its error
     */
    public static void exitWindows(Reason reason, boolean force, boolean forceIfHung) {
        ExitRequest.of(reason, force, forceIfHung).sendTo(new Win32PortJNA());
    }

    @Override
    public String id() {
        return "windows";
    }

    @Override
    public void close() {
        // A session still starting is closed as soon as it is up.
        session.thenAccept(WindowsSession::close);
    }
}
