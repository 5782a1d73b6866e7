/**
 * The Linux desktop bridge: the real end-of-session protocols (gnome-session, XSMP, logind, the
 * portal), each where its service exists, all driving the one coordinator beside the simulated bus.
 * {@code LinuxBridge} hosts them, {@code Protocols} chooses them, {@code SessionEnd} is what they do
 * with the coordinator. See {@code docs/linux.md}.
 */
package dev.endsession.agent.linux;
