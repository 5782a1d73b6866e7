package dev.endsession.agent.linux.dbus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;

/** The stream under a D-Bus connection. */
interface Transport extends AutoCloseable {

    /**
     * Reads what has arrived into {@code into}, waiting for it at most {@code waitMillis} (0: not at all).
     *
     * @param fds receives the file descriptors that came with the bytes
     * @return the bytes read (0 if none came in time), or -1 at the end of the stream
     */
    int read(ByteBuffer into, long waitMillis, Queue<Integer> fds) throws IOException;

    /** Writes all of {@code bytes}, failing if the other end takes none for {@code waitMillis}. */
    void write(ByteBuffer bytes, long waitMillis) throws IOException;

    /** Never throws. */
    @Override
    void close();
}
