package dev.endsession.agent.linux.dbus;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libc calls of {@link FdTransport}: a Unix socket that receives file descriptors, which the
 * JDK's cannot. Loaded on first use, so only where logind's lock is taken ({@link Natives} says
 * how). Not API.
 */
final class LibC {

    static final int AF_UNIX = 1;
    /** {@code SOCK_STREAM | SOCK_CLOEXEC}. */
    static final int SOCK_STREAM_CLOEXEC = 1 | 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SCM_RIGHTS = 1;
    static final int SO_RCVTIMEO = 20;
    static final int SO_SNDTIMEO = 21;
    /** {@code MSG_CMSG_CLOEXEC}: received descriptors are not inherited by child processes. */
    static final int MSG_CMSG_CLOEXEC = 0x40000000;
    static final int MSG_DONTWAIT = 0x40;
    /** {@code MSG_CTRUNC}: descriptors were dropped for want of room. */
    static final int MSG_CTRUNC = 0x8;
    static final int EAGAIN = 11;
    static final int EINTR = 4;

    // By its file name (glibc's): JNA's "c" (Platform.C_LIBRARY_NAME) would search with ldconfig -p, a child process.
    private static final long LIB = Natives.open("libc.so.6");
    private static final Function SOCKET = Natives.function(LIB, "socket");
    private static final Function CONNECT = Natives.function(LIB, "connect");
    private static final Function SETSOCKOPT = Natives.function(LIB, "setsockopt");
    private static final Function RECVMSG = Natives.function(LIB, "recvmsg");
    private static final Function WRITE = Natives.function(LIB, "write");
    private static final Function CLOSE = Natives.function(LIB, "close");

    private LibC() {
    }

    static int socket(int domain, int type) {
        return SOCKET.invokeInt(new Object[] {domain, type, 0});
    }

    /** @param address a {@code struct sockaddr_un} */
    static int connect(int fd, byte[] address) {
        return CONNECT.invokeInt(new Object[] {fd, address, address.length});
    }

    /** @param value a {@code struct timeval} as two longs (LP64) */
    static int setsockopt(int fd, int level, int name, long[] value) {
        return SETSOCKOPT.invokeInt(new Object[] {fd, level, name, value, value.length * 8});
    }

    /** @param message a {@code struct msghdr} in native memory */
    static long recvmsg(int fd, Pointer message, int flags) {
        return RECVMSG.invokeLong(new Object[] {fd, message, flags});
    }

    static long write(int fd, Pointer bytes, long count) {
        return WRITE.invokeLong(new Object[] {fd, bytes, count});
    }

    static int close(int fd) {
        return CLOSE.invokeInt(new Object[] {fd});
    }

    /** @return the errno of this thread's last call through JNA */
    static int errno() {
        return Native.getLastError();
    }
}
