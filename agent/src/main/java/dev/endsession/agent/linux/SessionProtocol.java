package dev.endsession.agent.linux;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;

/**
 * One real end-of-session protocol of a Linux desktop (gnome-session, XSMP, logind, the portal),
 * driving the JVM's one coordinator. {@link LinuxBridge} starts each on the agent's start thread.
 */
public interface SessionProtocol extends AutoCloseable {

    /**
     * Connects and registers, if this protocol's service exists here. Must not block the caller
     * for long: any waiting happens on the protocol's own daemon thread.
     *
     * @param coordinator the JVM's coordinator to drive
     * @param options the agent's options
     * @return {@code true} if it now takes part in the session's end; {@code false} if its service
     *     is absent here (the caller logs one debug line)
     * @throws Exception if the service exists but the protocol failed (the caller logs one debug
     *     line, never an error, and the app runs on)
     */
    boolean start(Coordinator coordinator, AgentOptions options) throws Exception;

    /** @return a short name for logs, e.g. {@code xsmp} */
    String id();

    /** Stops taking part; never throws. */
    @Override
    void close();
}
