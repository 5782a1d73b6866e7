package dev.endsession.agent.linux.dbus;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The few libc calls the event loop and the logind lock need. Not API. */
interface LibC extends Library {

    /** {@code POLLIN}, {@code POLLOUT} (poll.h). */
    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    /** {@code EFD_NONBLOCK | EFD_CLOEXEC} (sys/eventfd.h). */
    int EFD_FLAGS = 0x800 | 0x80000;
    /** {@code F_DUPFD_CLOEXEC} (fcntl.h). */
    int F_DUPFD_CLOEXEC = 1030;
    /** {@code EINTR} (errno.h). */
    int EINTR = 4;

    int poll(Pointer fds, int count, int timeoutMs);

    int eventfd(int initial, int flags);

    long read(int fd, Pointer buffer, long count);

    long write(int fd, Pointer buffer, long count);

    int fcntl(int fd, int command, int argument);

    int close(int fd);
}
