package dev.endsession.agent.linux.dbus;

import com.sun.jna.Function;
import com.sun.jna.Pointer;

/** The few libc calls the event loop and the logind lock need, loaded on first use ({@link Natives} says how). Not API. */
final class LibC {

    /** {@code POLLIN} (poll.h). */
    static final short POLLIN = 0x1;
    /** {@code EFD_NONBLOCK | EFD_CLOEXEC} (sys/eventfd.h). */
    static final int EFD_FLAGS = 0x800 | 0x80000;
    /** {@code F_DUPFD_CLOEXEC} (fcntl.h). */
    static final int F_DUPFD_CLOEXEC = 1030;

    // By its file name (glibc's): JNA's "c" (Platform.C_LIBRARY_NAME) would search with ldconfig -p, a child process.
    private static final long LIB = Natives.open("libc.so.6");
    private static final Function POLL = Natives.function(LIB, "poll");
    private static final Function EVENTFD = Natives.function(LIB, "eventfd");
    private static final Function READ = Natives.function(LIB, "read");
    private static final Function WRITE = Natives.function(LIB, "write");
    private static final Function FCNTL = Natives.function(LIB, "fcntl");
    private static final Function CLOSE = Natives.function(LIB, "close");

    private LibC() {
    }

    /** @param fds {@code count} {@code struct pollfd}s */
    static int poll(Pointer fds, int count, int timeoutMs) {
        return POLL.invokeInt(new Object[] {fds, count, timeoutMs});
    }

    static int eventfd(int initial, int flags) {
        return EVENTFD.invokeInt(new Object[] {initial, flags});
    }

    /** Reads or writes one 8-byte counter, as an eventfd takes it. */
    static long read(int fd, long[] counter) {
        return READ.invokeLong(new Object[] {fd, counter, 8L});
    }

    static long write(int fd, long[] counter) {
        return WRITE.invokeLong(new Object[] {fd, counter, 8L});
    }

    static int fcntl(int fd, int command, int argument) {
        return FCNTL.invokeInt(new Object[] {fd, command, argument});
    }

    static int close(int fd) {
        return CLOSE.invokeInt(new Object[] {fd});
    }
}
