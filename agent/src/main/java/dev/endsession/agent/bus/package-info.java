/**
 * The simulated session bus: the Windows end-of-session protocol with real processes, on any OS.
 * Every JVM with the agent listens on a Unix domain socket in its session's
 * {@link dev.endsession.agent.bus.SessionDirectory} ({@link dev.endsession.agent.bus.BusBridge},
 * {@link dev.endsession.agent.bus.Endpoint}); an {@link dev.endsession.agent.bus.Initiator} (the
 * CLI, or {@code EndSession.logoff()} inside an app) plays the system and runs a
 * {@link dev.endsession.agent.bus.Round} over them. The wire format is in {@code bus.wire}.
 * See {@code docs/bus.md}.
 */
package dev.endsession.agent.bus;
