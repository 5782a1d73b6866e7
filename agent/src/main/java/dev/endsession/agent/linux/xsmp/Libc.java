package dev.endsession.agent.linux.xsmp;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The C library functions the connection's thread waits with: {@code poll(2)} on the ICE socket and
 * on a pipe that wakes it to close. Not API.
 */
interface Libc extends Library {

    String LIBRARY = "c";

    /** {@code <poll.h>}: data to read. */
    short POLLIN = 0x001;
    /** {@code <fcntl.h>}, Linux: {@code O_NONBLOCK} and {@code O_CLOEXEC}. */
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;
    /** {@code <errno.h>}: interrupted by a signal. */
    int EINTR = 4;

    int poll(Pointer fds, NativeLong nfds, int timeout);

    int pipe2(int[] fds, int flags);

    NativeLong read(int fd, byte[] buffer, NativeLong count);

    NativeLong write(int fd, byte[] buffer, NativeLong count);

    int close(int fd);

    void free(Pointer pointer);
}
