/**
 * D-Bus through JNA and sd-bus ({@code libsystemd.so.0} or {@code libelogind.so.0}): connections, calls,
 * signals, and the one event thread that sleeps in {@code poll(2)}. sd-bus rather than a pure-Java
 * library because logind's inhibitor lock is a file descriptor passed over the bus (docs/linux.md
 * has the measurements). Loaded only when the Linux bridge finds a bus. Nothing here registers with
 * JNA's cleaner, so JNA starts no {@code JNA Cleaner} thread for it ({@code Natives} says how).
 */
package dev.endsession.agent.linux.dbus;
