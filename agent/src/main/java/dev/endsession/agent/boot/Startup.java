package dev.endsession.agent.boot;

import dev.endsession.api.EndSession;
import dev.endsession.api.EndSessionListener;
import java.util.ArrayList;
import java.util.List;

/**
 * One start of the agent in this JVM, seen from both sides: the agent reports how far it got, and
 * the JVM's exit and the application's calls to {@link EndSession} wait for it where they must.
 *
 * <p>Why: {@code premain} runs on the application's main thread, and the agent's start (its class
 * loader, options, coordinator, plugins, bridge: some 70 classes loaded and verified, ~20 ms) would
 * delay the application by that much. So {@code premain} only registers the exit hook and starts a
 * thread; the rest happens beside the application's own start. What that must not change:
 * <ul>
 *   <li>every listener that exists gets its cleanup at JVM exit: an exit that comes once the agent
 *       has begun creating listeners waits for the start to finish, then runs the cleanups;</li>
 *   <li>an exit that comes before that (a JVM that lives a few milliseconds) has no listener to
 *       clean up: it abandons the start and does not wait;</li>
 *   <li>{@link EndSession#register} and {@link EndSession#remove} never wait and never throw: a
 *       listener registered while the agent starts is registered when it runs (and an exit that
 *       comes first waits for the start, so that listener gets its cleanup);</li>
 *   <li>{@link EndSession#blockReasons} answers at once: none before the agent runs, since no round
 *       can have reached this JVM yet; {@link EndSession#isAgentPresent} and the calls that start a
 *       round wait for the start, at most {@link #WAIT_MILLIS}.</li>
 * </ul>
 *
 * <p>Thread-safe. JDK and API classes only, and no lambdas: it is loaded on the premain thread.
 */
public final class Startup {

    /** How long the exit, or a facade call, waits at most for a start in progress. */
    static final long WAIT_MILLIS = 5_000;
    /**
     * System property for tests only: a named pipe the start waits on (until something is written
     * to it) before it makes any listener, to hold the start back as a starved machine does.
     */
    static final String HOLD_FOR_TESTS = "endsession.test.hold-start";

    private static final int LOADING = 0;
    private static final int CREATING_LISTENERS = 1;
    private static final int STARTED = 2;
    private static final int NOT_STARTED = 3;
    private static final int ABANDONED = 4;

    private int phase = LOADING;
    /** Listeners the application registered before the agent ran: registered when it does. */
    private final List<EndSessionListener> pending = new ArrayList<>();
    private Thread starter;
    private EndSession.Backend backend;
    private Runnable cleanupAtExit;

    Startup() {
    }

    /** @param thread the thread that starts the agent: it must never wait for itself */
    synchronized void startsOn(Thread thread) {
        starter = thread;
    }

    /**
     * Called by the agent before it creates the first listener (plugins, the coordinator's users).
     *
     * @return {@code false} if the JVM is already exiting: stop starting, nothing needs cleaning up
     */
    public boolean beginListeners() {
        holdForTests();
        return beginListening();
    }

    private synchronized boolean beginListening() {
        if (phase == ABANDONED) {
            return false;
        }
        phase = CREATING_LISTENERS;
        return true;
    }

    private static void holdForTests() {
        String pipe = System.getProperty(HOLD_FOR_TESTS);
        if (pipe != null) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(pipe))) {
                in.read(); // blocks until the test writes
            } catch (java.io.IOException e) {
                // no pipe: no hold
            }
        }
    }

    /**
     * Called by the agent once it runs.
     *
     * @param running what the facade forwards to
     * @param cleanup runs the cleanups with {@code JVM_EXIT}; called by the exit hook
     */
    public synchronized void started(EndSession.Backend running, Runnable cleanup) {
        for (EndSessionListener listener : pending) {
            running.register(listener);
        }
        pending.clear();
        backend = running;
        cleanupAtExit = cleanup;
        phase = STARTED;
        notifyAll();
    }

    /** @return the running agent's backend, or {@code null} if it does not run (yet) */
    synchronized EndSession.Backend backend() {
        return backend;
    }

    /** Called when the start ended without {@link #started}: failed, given up, or already running. */
    synchronized void ended() {
        if (phase != STARTED && phase != ABANDONED) {
            phase = NOT_STARTED;
        }
        pending.clear(); // no agent to register them with; it said why on standard error
        notifyAll();
    }

    /**
     * The application registers a listener: with the running agent, or, while the agent starts,
     * once it runs. Never waits.
     *
     * @return the running agent to register with, or {@code null} if the listener was kept for later
     *     (or the agent did not start: then nothing will call it)
     */
    synchronized EndSession.Backend registerOnceStarted(EndSessionListener listener) {
        if (backend == null && (phase == LOADING || phase == CREATING_LISTENERS)) {
            pending.add(listener);
        }
        return backend;
    }

    /**
     * The application removes a listener: from the running agent, or from those kept for it.
     *
     * @return {@code null} if the agent runs (remove it there), else whether it was kept for later
     */
    synchronized Boolean removeKept(EndSessionListener listener) {
        if (backend != null) {
            return null;
        }
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i) == listener) {
                pending.remove(i);
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    /** @return {@code true} if the JVM's exit came first and the start was given up */
    synchronized boolean abandoned() {
        return phase == ABANDONED;
    }

    /**
     * At JVM exit: runs the cleanups if there are listeners, waiting for a start in progress.
     * Never throws.
     */
    void exit() {
        Runnable cleanup;
        synchronized (this) {
            if (phase == LOADING && pending.isEmpty()) {
                phase = ABANDONED; // no listener exists yet: nothing to clean up, nothing to wait for
                notifyAll();
                return;
            }
            awaitEnd();
            cleanup = cleanupAtExit;
        }
        if (cleanup != null) {
            cleanup.run();
        }
    }

    /**
     * For the facade's calls that need the agent itself ({@code logoff}...) while it starts.
     *
     * @return the running agent's backend
     * @throws IllegalStateException if the agent did not start, or not in time
     */
    synchronized EndSession.Backend awaitBackend() {
        awaitEnd();
        if (backend == null && Thread.currentThread() == starter) {
            throw new IllegalStateException("EndSession was called during the agent's own start (from a plugin's "
                    + "constructor?); the agent runs once its plugins are made: call it from the listener's methods");
        }
        if (backend == null) {
            throw new IllegalStateException(phase == NOT_STARTED || phase == ABANDONED
                    ? "The EndSession agent did not start in this JVM (see the error it printed)"
                    : "The EndSession agent has not finished starting after " + WAIT_MILLIS + " ms");
        }
        return backend;
    }

    /**
     * @return whether the agent runs, waiting (at most {@link #WAIT_MILLIS}) for a start in
     *     progress; {@code true} also for a start still under way after that, {@code false} if it failed
     */
    synchronized boolean awaitRunning() {
        awaitEnd();
        return backend != null || phase == LOADING || phase == CREATING_LISTENERS;
    }

    private void awaitEnd() {
        if (Thread.currentThread() == starter) {
            return; // waiting for the start would wait for itself
        }
        long end = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        boolean interrupted = false;
        while (phase == LOADING || phase == CREATING_LISTENERS) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(left / 1_000_000L + 1);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
