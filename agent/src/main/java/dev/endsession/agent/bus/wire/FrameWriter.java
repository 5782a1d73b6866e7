package dev.endsession.agent.bus.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Whole frames onto a blocking channel, length prefix and body in one write call, through one
 * reusable buffer. A frame larger than the buffer gets a buffer of its own. Not thread-safe: one writer per channel.
 */
public final class FrameWriter {

    private final WritableByteChannel channel;
    private final ByteBuffer buffer;

    /** @param buffer its content is discarded (it may be reused for the next channel) */
    public FrameWriter(WritableByteChannel channel, ByteBuffer buffer) {
        this.channel = channel;
        this.buffer = buffer;
    }

    /** Writes one frame, all of it. */
    public void write(Message message) throws IOException {
        byte[] bytes = FrameCodec.frame(message);
        ByteBuffer frame = bytes.length <= buffer.capacity() ? buffer.clear() : ByteBuffer.allocate(bytes.length);
        frame.put(bytes).flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }
}
