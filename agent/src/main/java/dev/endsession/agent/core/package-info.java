/**
 * The coordinator: one end-of-session state machine per JVM that every bridge (Windows messages,
 * console events, the simulated session bus, JVM exit) drives. It knows listeners and rounds, and
 * nothing of Windows or sockets.
 *
 * <p>Style: lambdas and streams are fine on the round's path (measured: the bus's rehearsal binds
 * them while the app is idle, and a real app has bootstrapped lambdas long before; bench/README.md).
 */
package dev.endsession.agent.core;
