package dev.endsession.agent.windows;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Windows bridge's logic on top of a {@link Win32Port}: the shutdown level, the hidden window
 * on its pump thread, AWT's toolkit window, the console handler, and {@code ExitWindowsEx}. It holds
 * no JNA type, so it runs on any OS against a model of Windows.
 *
 * <p>Thread-safe after {@link #start}.
 */
final class WindowsSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");
    private static final AtomicInteger CLASSES = new AtomicInteger();

    private final Win32Port port;
    private final Coordinator coordinator;
    private final AgentOptions options;
    private final Ending ending;
    private final AwtTakeover awt;
    private WindowThread window;
    private ConsoleEvents console;

    WindowsSession(Win32Port port, Coordinator coordinator, AgentOptions options, JvmShutdown shutdown) {
        this.port = port;
        this.coordinator = coordinator;
        this.options = options;
        this.ending = new Ending(coordinator, shutdown);
        this.awt = new AwtTakeover(port);
    }

    /** Starts listening; returns once the window exists. */
    synchronized void start() throws Exception {
        try {
            // Apps are asked from the highest level to the lowest; no SHUTDOWN_NORETRY: Windows may show us as blocking.
            port.setProcessShutdownParameters(options.level(), 0);
        } catch (Win32Failure e) {
            LOG.warn("Shutdown level 0x{} was refused ({}); Windows' default applies", Integer.toHexString(options.level()),
                    e.getMessage());
        }
        Budgets budgets = Budgets.of(port, options.exitBudget());
        budgets.overCap(options.exitBudget()).ifPresent(LOG::warn);
        // One class per window: a second session in the same JVM (tests) must not collide.
        String className = "EndSessionAgent-" + CLASSES.incrementAndGet();
        Optional<Path> executable = ProcessHandle.current().info().command().map(Path::of);
        window = new WindowThread(port, className, options.name(), executable,
                new EndSessionWindow(port, coordinator, budgets, ending, options.exitBudget()), created -> watchAwt());
        window.start(Duration.ofSeconds(10));
        boolean service = options.service() || !port.interactiveWindowStation();
        console = new ConsoleEvents(ending, budgets.end(), service);
        port.addConsoleCtrlHandler(console);
        LOG.debug("Listening for the end of the session (level 0x{}{})", Integer.toHexString(options.level()),
                service ? ", as a service" : "");
    }

    /** On the window thread: AWT's toolkit window is taken over when it appears; a failure here is not fatal. */
    private void watchAwt() {
        try {
            awt.start();
        } catch (Win32Failure | LinkageError e) {
            LOG.warn("Cannot watch for AWT's toolkit window ({}); in an AWT app, AWT will start the JVM's exit at the query",
                    e.getMessage());
        }
    }

    /**
     * Asks Windows to end the session. Windows answers at once and runs the round on its own.
     *
     * @return {@code true}: the request was accepted
     * @throws IllegalStateException if Windows refused it, with its error
     */
    boolean initiate(Reason what, boolean force, boolean forceIfHung) {
        ExitRequest.of(what, force, forceIfHung).sendTo(port);
        return true;
    }

    @Override
    public synchronized void close() {
        if (console != null) {
            try {
                port.removeConsoleCtrlHandler(console);
            } catch (Win32Failure e) {
                LOG.debug("Could not remove the console handler: {}", e.getMessage());
            }
        }
        if (window != null) {
            window.close();
        }
    }
}
