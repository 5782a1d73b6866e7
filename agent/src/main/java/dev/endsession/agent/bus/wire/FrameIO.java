package dev.endsession.agent.bus.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Whole frames on a byte stream: a u32 big-endian body length, then the body ({@link FrameCodec}).
 * The length is checked against {@link Bounds#MAX_FRAME} before the body is read, so an oversized
 * frame costs nothing. The bus itself uses {@link FrameReader} and {@link FrameWriter} on its channels
 * (the same format, fewer calls); this stream form serves tests and fuzzers. Not thread-safe: one reader and one writer per stream.
 */
public final class FrameIO {

    private FrameIO() {
    }

    /**
     * @param in the stream to read one frame from
     * @return the message, or {@code null} if the stream ended cleanly before a frame began
     * @throws WireException if the frame is malformed, oversized or of another version
     * @throws EOFException if the stream ends inside a frame
     */
    public static Message read(InputStream in) throws IOException {
        byte[] prefix = new byte[4];
        int first = in.read(prefix, 0, 4);
        if (first < 0) {
            return null;
        }
        readFully(in, prefix, first, "the length prefix");
        int length = FrameCodec.checkedLength(ByteBuffer.wrap(prefix).getInt());
        byte[] body = new byte[length];
        readFully(in, body, 0, "a frame of " + length + " bytes");
        return FrameCodec.decode(body);
    }

    /** Writes one frame and flushes. */
    public static void write(OutputStream out, Message message) throws IOException {
        out.write(FrameCodec.frame(message));
        out.flush();
    }

    private static void readFully(InputStream in, byte[] buffer, int from, String what) throws IOException {
        int at = from;
        while (at < buffer.length) {
            int n = in.read(buffer, at, buffer.length - at);
            if (n < 0) {
                throw new EOFException("the stream ended inside " + what);
            }
            at += n;
        }
    }
}
