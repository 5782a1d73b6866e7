package dev.endsession.api;

import java.util.List;
import java.util.Objects;

/**
 * What an application may call: register listeners at run time, read the current block reasons,
 * and initiate an end of session. Every method but {@link #isAgentPresent()} needs the EndSession
 * agent ({@code -javaagent:endsession-agent.jar}); without it they throw {@link IllegalStateException}
 * saying so, never fail silently. Thread-safe.
 *
 * <p>The agent starts beside the application, and on a starved machine (a login, when many apps
 * start at once) that may take seconds. Meanwhile: {@link #register} and {@link #remove} return at
 * once and never throw: they take effect when the agent runs (a JVM that exits first still waits
 * for the start, so a registered listener gets its cleanup); {@link #blockReasons()} answers at once
 * with what is known (none: no end of session reaches this JVM before its agent runs);
 * {@link #isAgentPresent()} and {@link #logoff}, {@link #shutdown} and {@link #restart} wait for the
 * start, at most 5 s.
 */
public final class EndSession {

    private static volatile Backend backend;

    private EndSession() {
    }

    /**
     * @return {@code true} if the EndSession agent is in this JVM: running, or still starting after
     *     a wait of at most 5 s for its start (called in the application's first milliseconds, this
     *     waits for the start to finish); {@code false} without the agent or if its start failed
     */
    public static boolean isAgentPresent() {
        Backend current = backend;
        return current != null && current.running();
    }

    /**
     * Adds a listener; it takes part in the next round. While the agent is still starting this
     * returns at once and the listener is added when the agent runs.
     *
     * @param listener the listener to add
     * @throws IllegalStateException only without the agent
     */
    public static void register(EndSessionListener listener) {
        backend().register(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener added by {@link #register(EndSessionListener)} or found as a plugin. While
     * the agent is still starting this returns at once.
     *
     * @param listener the listener to remove
     * @return {@code true} if it was registered
     * @throws IllegalStateException only without the agent
     */
    public static boolean remove(EndSessionListener listener) {
        return backend().remove(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * @return the reasons this JVM currently blocks the end of the session with; empty if none
     *     (and while the agent is still starting: answered at once)
     */
    public static List<String> blockReasons() {
        return backend().blockReasons();
    }

    /**
     * Logs off the current user: {@code ExitWindowsEx(EWX_LOGOFF)} on Windows, a round on the
     * simulated session bus elsewhere (this JVM is asked too, like every other app).
     *
     * @param force {@code true} to end every app without asking ({@code EWX_FORCE})
     * @return {@code true} if the end of session was started or completed, {@code false} if vetoed
     */
    public static boolean logoff(boolean force) {
        return backend().initiate(Reason.LOGOFF, force);
    }

    /**
     * Shuts the system down (Windows) or ends the simulated session with {@link Reason#SHUTDOWN}.
     *
     * @param force {@code true} to end every app without asking
     * @return {@code true} if the end of session was started or completed, {@code false} if vetoed
     */
    public static boolean shutdown(boolean force) {
        return backend().initiate(Reason.SHUTDOWN, force);
    }

    /**
     * Restarts the system (Windows) or ends the simulated session with {@link Reason#RESTART}.
     *
     * @param force {@code true} to end every app without asking
     * @return {@code true} if the end of session was started or completed, {@code false} if vetoed
     */
    public static boolean restart(boolean force) {
        return backend().initiate(Reason.RESTART, force);
    }

    private static Backend backend() {
        Backend current = backend;
        if (current == null) {
            throw new IllegalStateException("The EndSession agent is not running in this JVM: "
                    + "start it with -javaagent:endsession-agent.jar");
        }
        return current;
    }

    /**
     * Connects the facade to the agent. <b>Not API</b>: called once by the agent at start-up.
     *
     * @param agent the agent's implementation
     */
    public static void installBackend(Backend agent) {
        backend = Objects.requireNonNull(agent, "agent");
    }

    /** What the agent provides behind the facade. <b>Not API</b>: only the agent implements it. */
    public interface Backend {
        /** @return whether the agent runs or starts; may wait briefly while the agent is still starting */
        default boolean running() {
            return true;
        }

        /** @param listener added to the agent's coordinator */
        void register(EndSessionListener listener);

        /** @param listener removed from the agent's coordinator @return whether it was there */
        boolean remove(EndSessionListener listener);

        /** @return the current block reasons */
        List<String> blockReasons();

        /**
         * @param reason {@link Reason#LOGOFF}, {@link Reason#SHUTDOWN} or {@link Reason#RESTART}
         * @param force end without a query phase
         * @return {@code true} if started or ended, {@code false} if vetoed
         */
        boolean initiate(Reason reason, boolean force);
    }
}
