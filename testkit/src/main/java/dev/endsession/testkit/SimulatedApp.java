package dev.endsession.testkit;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.Policy;
import dev.endsession.api.EndSessionListener;
import java.util.List;
import java.util.Objects;

/**
 * An application of a {@link SimulatedSession}: a name, a shutdown level, and listeners, answered
 * by the same coordinator the agent runs in every JVM. Thread-safe.
 */
public final class SimulatedApp {

    private final String name;
    private final long pid;
    private final Coordinator coordinator;
    private volatile int level = 0x280;
    private volatile boolean service;
    private volatile boolean terminated;
    private volatile EndReport cleanup;

    SimulatedApp(String name, long pid, Policy policy) {
        this.name = name;
        this.pid = pid;
        this.coordinator = new Coordinator(policy);
    }

    /** @param listener takes part in this app's rounds @return this app */
    public SimulatedApp listener(EndSessionListener listener) {
        coordinator.register(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** @param value the shutdown level (higher is asked first; default 0x280) @return this app */
    public SimulatedApp level(int value) {
        level = value;
        return this;
    }

    /** Makes this app a service: it takes no part in the windows phase and ignores a logoff. @return this app */
    public SimulatedApp service() {
        service = true;
        return this;
    }

    /** @return the app's name */
    public String name() {
        return name;
    }

    /** @return {@code true} once a round terminated this app */
    public boolean terminated() {
        return terminated;
    }

    /** @return the reasons this app blocks the session with now */
    public List<String> blockReasons() {
        return coordinator.blockReasons();
    }

    long pid() {
        return pid;
    }

    int level() {
        return level;
    }

    boolean isService() {
        return service;
    }

    Coordinator coordinator() {
        return coordinator;
    }

    void terminate() {
        terminated = true;
    }

    void cleanedUp(EndReport report) {
        cleanup = report;
    }

    /** @return the app's one cleanup, or {@code null} if it has not run */
    EndReport cleanup() {
        return cleanup;
    }
}
