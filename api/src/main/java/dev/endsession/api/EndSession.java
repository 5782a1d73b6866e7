package dev.endsession.api;

import java.util.List;
import java.util.Objects;

/**
 * What an application may call: register listeners at run time, read the current block reasons,
 * and initiate an end of session. Every method needs the EndSession agent
 * ({@code -javaagent:endsession-agent.jar}); without it they throw {@link IllegalStateException}
 * saying so, never fail silently. Thread-safe.
 */
public final class EndSession {

    private static volatile Backend backend;

    private EndSession() {
    }

    /**
     * @return {@code true} if the EndSession agent is running in this JVM (the agent starts beside
     *     the application: called in its first milliseconds, this waits for the start to finish)
     */
    public static boolean isAgentPresent() {
        Backend current = backend;
        return current != null && current.running();
    }

    /**
     * Adds a listener; it takes part in the next round.
     *
     * @param listener the listener to add
     */
    public static void register(EndSessionListener listener) {
        backend().register(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener added by {@link #register(EndSessionListener)} or found as a plugin.
     *
     * @param listener the listener to remove
     * @return {@code true} if it was registered
     */
    public static boolean remove(EndSessionListener listener) {
        return backend().remove(Objects.requireNonNull(listener, "listener"));
    }

    /** @return the reasons this JVM currently blocks the end of the session with; empty if none */
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
        /** @return whether the agent runs; may wait briefly while the agent is still starting */
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
