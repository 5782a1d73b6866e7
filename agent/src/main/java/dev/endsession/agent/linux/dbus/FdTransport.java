package dev.endsession.agent.linux.dbus;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Queue;

/**
 * A blocking bus connection through libc that receives file descriptors ({@code SCM_RIGHTS}), for
 * the one call that returns one: logind's {@code Inhibit}. Native memory is taken with
 * {@code malloc} and freed on close, never left to JNA's cleaner ({@link Natives}). LP64 layouts.
 *
 * @see <a href="https://man7.org/linux/man-pages/man7/unix.7.html">unix(7)</a>
 */
final class FdTransport implements Transport {

    /** {@code struct msghdr} (56 bytes), then one {@code struct iovec} (16), then room for 8 descriptors' cmsg. */
    private static final int MSGHDR = 0;
    private static final int IOVEC = 56;
    private static final int CONTROL = 72;
    private static final int CONTROL_SIZE = 16 + 8 * 4;
    private static final int DATA = CONTROL + CONTROL_SIZE;
    private static final int DATA_SIZE = 4096;
    /** {@code sizeof(struct sockaddr_un)}: the family, then 108 bytes of path. */
    private static final int SOCKADDR_UN = 110;

    private final int fd;
    private final long memory;
    private final Pointer block;

    private FdTransport(int fd, long memory) {
        this.fd = fd;
        this.memory = memory;
        this.block = new Pointer(memory);
    }

    /** @param timeoutMillis how long a read or write may block */
    static FdTransport connect(Path socket, long timeoutMillis) throws IOException {
        byte[] path = socket.toString().getBytes(StandardCharsets.UTF_8);
        if (path.length >= SOCKADDR_UN - 2) {
            throw new IOException("a socket path too long: " + socket);
        }
        byte[] address = new byte[SOCKADDR_UN];
        address[0] = (byte) LibC.AF_UNIX; // sa_family_t, little-endian on the platforms the agent ships for
        System.arraycopy(path, 0, address, 2, path.length);
        int fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_STREAM_CLOEXEC);
        if (fd < 0) {
            throw new IOException("socket failed: errno " + LibC.errno());
        }
        long[] timeval = {timeoutMillis / 1000, timeoutMillis % 1000 * 1000};
        // The timeouts first: a Unix socket's connect waits at most SO_SNDTIMEO for a bus whose backlog is full.
        if (LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval) < 0
                || LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_SNDTIMEO, timeval) < 0 || LibC.connect(fd, address) < 0) {
            int errno = LibC.errno();
            LibC.close(fd);
            throw new IOException("connecting to " + socket + " failed: errno " + errno);
        }
        return new FdTransport(fd, Native.malloc(DATA + DATA_SIZE));
    }

    @Override
    public int read(ByteBuffer into, long waitMillis, Queue<Integer> fds) throws IOException {
        int want = Math.min(into.remaining(), DATA_SIZE);
        block.setLong(IOVEC, memory + DATA);
        block.setLong(IOVEC + 8, want);
        block.setLong(MSGHDR, 0); // msg_name
        block.setInt(MSGHDR + 8, 0);
        block.setLong(MSGHDR + 16, memory + IOVEC);
        block.setLong(MSGHDR + 24, 1);
        block.setLong(MSGHDR + 32, memory + CONTROL);
        block.setLong(MSGHDR + 40, CONTROL_SIZE);
        block.setInt(MSGHDR + 48, 0);
        long n = LibC.recvmsg(fd, block, LibC.MSG_CMSG_CLOEXEC | (waitMillis > 0 ? 0 : LibC.MSG_DONTWAIT));
        if (n < 0) {
            int errno = LibC.errno();
            if (errno == LibC.EAGAIN || errno == LibC.EINTR) {
                return 0;
            }
            throw new IOException("recvmsg failed: errno " + errno);
        }
        received(fds);
        if ((block.getInt(MSGHDR + 48) & LibC.MSG_CTRUNC) != 0) {
            throw new IOException("file descriptors were dropped: more came than there was room for");
        }
        if (n == 0) {
            return -1;
        }
        byte[] bytes = block.getByteArray(DATA, (int) n);
        into.put(bytes);
        return (int) n;
    }

    /** Collects the descriptors of each {@code SCM_RIGHTS} control message. */
    private void received(Queue<Integer> fds) {
        long length = block.getLong(MSGHDR + 40); // msg_controllen: what arrived
        long at = 0;
        while (at + 16 <= length) {
            long cmsgLength = block.getLong(CONTROL + at);
            if (cmsgLength < 16) {
                break;
            }
            if (block.getInt(CONTROL + at + 8) == LibC.SOL_SOCKET && block.getInt(CONTROL + at + 12) == LibC.SCM_RIGHTS) {
                for (long i = 16; i + 4 <= cmsgLength; i += 4) {
                    fds.add(block.getInt(CONTROL + at + i));
                }
            }
            at += (cmsgLength + 7) & ~7L;
        }
    }

    @Override
    public void write(ByteBuffer bytes, long waitMillis) throws IOException {
        while (bytes.hasRemaining()) {
            int chunk = Math.min(bytes.remaining(), DATA_SIZE);
            byte[] copy = new byte[chunk];
            bytes.get(copy);
            block.write(DATA, copy, 0, chunk);
            for (int done = 0; done < chunk; ) {
                long n = LibC.write(fd, block.share(DATA + done), chunk - done);
                if (n < 0 && LibC.errno() != LibC.EINTR) {
                    throw new IOException("write failed: errno " + LibC.errno());
                }
                done += (int) Math.max(n, 0);
            }
        }
    }

    @Override
    public void close() {
        LibC.close(fd);
        Native.free(memory);
    }
}
