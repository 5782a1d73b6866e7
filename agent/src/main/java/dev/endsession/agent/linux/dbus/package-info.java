/**
 * D-Bus, this agent's own client: the wire format, connections over the JDK's Unix sockets, calls,
 * signals, and the one event thread that sleeps in a selector. No native code, except for the one
 * call that returns a file descriptor (logind's inhibitor lock), which the JDK's sockets cannot
 * receive: that call goes through libc with JNA ({@code FdTransport}). docs/linux.md has the
 * measurements that chose this. Loaded only when the Linux bridge finds a bus.
 */
package dev.endsession.agent.linux.dbus;
