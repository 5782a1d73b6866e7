package dev.endsession.agent.linux.dbus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;

/**
 * What a connection has read and not yet taken: the authentication's lines, then whole messages
 * (with the file descriptors that came with them); a message over {@link #MAX_KEPT} is skipped, not
 * buffered. Not thread-safe: its connection's thread only.
 */
final class Incoming {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");
    /** Larger messages (nothing this client asks for comes near) are skipped. */
    static final int MAX_KEPT = 1 << 20;

    private final Queue<Integer> fds = new ArrayDeque<>();
    private ByteBuffer in = ByteBuffer.allocate(4096); // filled up to its position
    private long skipping; // bytes of an oversized message still to drop

    /** @return as {@link Transport#read}: the bytes read, 0 if none came in time, -1 at the end of the stream */
    int readFrom(Transport transport, long waitMillis) throws IOException {
        if (!in.hasRemaining()) {
            in = ByteBuffer.wrap(Arrays.copyOf(in.array(), in.capacity() * 2)).position(in.position());
        }
        return transport.read(in, waitMillis, fds);
    }

    /** @return the next line of the authentication (without its CR LF), or {@code null} until one is whole */
    String line() {
        for (int i = 0; i + 1 < in.position(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                String line = new String(in.array(), 0, i, StandardCharsets.US_ASCII);
                drop(i + 2);
                return line;
            }
        }
        return null;
    }

    /**
     * @return the next whole message, or {@code null} until one is
     * @throws IllegalArgumentException if the bytes are no D-Bus message: the stream is lost
     */
    Message next(String bus) {
        while (true) {
            if (skipping > 0) {
                int drop = (int) Math.min(skipping, in.position());
                skipping -= drop;
                drop(drop);
                if (skipping > 0) {
                    return null;
                }
            }
            if (in.position() < Frames.FIXED) {
                return null;
            }
            long length = Frames.length(in, 0);
            if (length > MAX_KEPT) {
                LOG.debug("Skipping a message of {} bytes on the {} bus", length, bus);
                skipping = length;
                continue;
            }
            if (in.position() < length) {
                if (in.capacity() < length) {
                    in = ByteBuffer.wrap(Arrays.copyOf(in.array(), (int) length)).position(in.position());
                }
                return null;
            }
            byte[] bytes = Arrays.copyOf(in.array(), (int) length);
            drop((int) length);
            try {
                return Message.decode(bytes, fds);
            } catch (DbusException e) {
                LOG.debug("Dropping a malformed message on the {} bus: {}", bus, e.getMessage());
            }
        }
    }

    private void drop(int bytes) {
        in.flip().position(bytes);
        in.compact();
    }

    /** Closes the file descriptors nobody took; never throws. */
    void close() {
        for (Integer fd; (fd = fds.poll()) != null; ) {
            LibC.close(fd);
        }
    }
}
