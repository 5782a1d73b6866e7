package dev.endsession.agent;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.api.Reason;

/**
 * How a JVM hears of, and starts, the end of a session: Windows messages, the simulated session
 * bus, or nothing. A bridge drives the {@link Coordinator}; it has no rules of its own.
 */
public interface Bridge extends AutoCloseable {

    /**
     * Starts listening. Must return quickly; any waiting happens on the bridge's own daemon threads.
     *
     * @param coordinator the JVM's coordinator to drive
     * @param options the agent's options
     * @throws Exception if the bridge cannot start; the agent logs it and runs without a bridge
     */
    void start(Coordinator coordinator, AgentOptions options) throws Exception;

    /**
     * Initiates an end of session (see {@code EndSession.logoff}).
     *
     * @param reason LOGOFF, SHUTDOWN or RESTART
     * @param force end without a query phase
     * @return {@code true} if started or ended, {@code false} if vetoed
     */
    boolean initiate(Reason reason, boolean force);

    /** @return a one-word name for logs, e.g. {@code bus} */
    String id();

    /** Stops listening; never throws. */
    @Override
    void close();

    /** No bridge: the JVM hears only its own exit. */
    enum None implements Bridge {
        INSTANCE;

        @Override
        public void start(Coordinator coordinator, AgentOptions options) {
        }

        @Override
        public boolean initiate(Reason reason, boolean force) {
            throw new IllegalStateException("This JVM is not connected to any session (bridge=none)");
        }

        @Override
        public String id() {
            return "none";
        }

        @Override
        public void close() {
        }
    }
}
