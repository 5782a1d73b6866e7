package dev.endsession.agent.windows;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.Policy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The bridge's logic ({@link WindowsSession}) running on a {@link WindowsModel} with a real
 * {@link Coordinator} and one {@link ScriptedListener}. The JVM's exit is recorded, not done.
 */
final class ModelSession implements AutoCloseable {

    static final String JVM_EXIT = "JVM exit started";

    final WindowsModel windows;
    final Coordinator coordinator;
    final ScriptedListener listener;
    final WindowsSession session;
    private final CountDownLatch exited = new CountDownLatch(1);

    private ModelSession(WindowsModel windows, AgentOptions options) throws Exception {
        this.windows = windows;
        this.coordinator = new Coordinator(Policy.defaults().withListenerBudget(Duration.ofSeconds(10)));
        this.listener = new ScriptedListener(windows);
        coordinator.register(listener);
        JvmShutdown recorded = deadline -> {
            windows.record(JVM_EXIT);
            exited.countDown();
        };
        this.session = new WindowsSession(windows, coordinator, options, recorded);
        session.start();
    }

    static ModelSession start(WindowsModel windows) throws Exception {
        return start(windows, options());
    }

    static ModelSession start(WindowsModel windows, AgentOptions options) throws Exception {
        return new ModelSession(windows, options);
    }

    /** @return the defaults, with budgets generous enough for a loaded machine */
    static AgentOptions options() {
        AgentOptions d = AgentOptions.defaults("notes");
        return new AgentOptions(d.name(), d.level(), d.prompt(), d.bridge(), d.plugins(), d.rules(), d.log(), d.service(),
                Duration.ofSeconds(10), d.onFailure(), d.onHang(), Duration.ofSeconds(20));
    }

    static AgentOptions options(int level, boolean service) {
        AgentOptions d = options();
        return new AgentOptions(d.name(), level, d.prompt(), d.bridge(), d.plugins(), d.rules(), d.log(), service,
                d.budget(), d.onFailure(), d.onHang(), d.exitBudget());
    }

    /** @return the agent's hidden window, found as the system finds it: by its class */
    long window() {
        return windows.windows().stream().filter(hwnd -> windows.className(hwnd).startsWith("EndSessionAgent-")).findFirst()
                .orElseThrow(() -> new AssertionError("no agent window among " + windows.windows()));
    }

    /** @return the agent window's block reason, read on its own thread, the only one Windows answers */
    String blockReason() {
        long hwnd = window();
        return windows.onThreadOf(hwnd, () -> java.util.Optional.ofNullable(windows.shutdownBlockReasonQuery(hwnd))).orElse(null);
    }

    /** Waits until the agent has started the JVM's exit. */
    void awaitJvmExit() throws InterruptedException {
        if (!exited.await(WindowsModel.SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the JVM's exit was never started: " + windows.events());
        }
    }

    /** Sends a message to the agent's window from the calling thread, as {@code SendMessage} does. */
    long send(int message, long wParam, long lParam) {
        return windows.sendMessage(window(), message, wParam, lParam);
    }

    /** Waits until everything already queued on the agent's window thread has run. */
    void settle() {
        windows.onThreadOf(window(), () -> Boolean.TRUE);
    }

    /** @return the index of the first event starting with {@code prefix}; fails if there is none */
    int indexOf(String prefix) {
        var events = windows.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no event '" + prefix + "' in " + events);
    }

    @Override
    public void close() {
        session.close();
    }
}
