package dev.endsession.agent.bus.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Whole frames from a blocking channel, through one reusable buffer: each read takes all the bytes
 * the channel has, so a small frame costs one read call and no allocation but its body. Bytes past
 * a frame stay in the buffer for the next call. The length is checked ({@link FrameCodec#checkedLength}) before
 * the body is read, so an oversized frame costs nothing. Not thread-safe: one reader per channel.
 */
public final class FrameReader {

    private final ReadableByteChannel channel;
    /** Read mode: {@code [position, limit)} are bytes received and not yet used. */
    private final ByteBuffer buffer;

    /**
     * @param channel a blocking channel
     * @param buffer at least 4 bytes; its content is discarded (it may be reused for the next channel)
     */
    public FrameReader(ReadableByteChannel channel, ByteBuffer buffer) {
        if (buffer.capacity() < 4) {
            throw new IllegalArgumentException("a frame buffer holds at least the length prefix");
        }
        this.channel = channel;
        this.buffer = buffer;
        buffer.clear();
        buffer.limit(0);
    }

    /**
     * @return the next message, or {@code null} if the channel ended cleanly before a frame began
     * @throws WireException if the frame is malformed, oversized or of another version
     * @throws EOFException if the channel ends inside a frame
     */
    public Message read() throws IOException {
        while (buffer.remaining() < 4) {
            if (receive() < 0) {
                if (buffer.hasRemaining()) {
                    throw new EOFException("the stream ended inside the length prefix");
                }
                return null;
            }
        }
        int length = FrameCodec.checkedLength(buffer.getInt());
        byte[] body = new byte[length];
        int at = Math.min(length, buffer.remaining());
        buffer.get(body, 0, at);
        while (at < length) {
            if (receive() < 0) {
                throw new EOFException("the stream ended inside a frame of " + length + " bytes");
            }
            int take = Math.min(length - at, buffer.remaining());
            buffer.get(body, at, take);
            at += take;
        }
        return FrameCodec.decode(body);
    }

    /** Appends what the channel has to the unused bytes. @return the count read, -1 at the end */
    private int receive() throws IOException {
        if (buffer.hasRemaining()) {
            buffer.compact();
        } else {
            buffer.clear(); // the usual case: nothing to move
        }
        try {
            return channel.read(buffer);
        } finally {
            buffer.flip();
        }
    }
}
