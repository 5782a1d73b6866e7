/**
 * The coordinator: one end-of-session state machine per JVM that every bridge (Windows messages,
 * console events, the simulated session bus, JVM exit) drives. It knows listeners and rounds, and
 * nothing of Windows or sockets.
 */
package dev.endsession.agent.core;
