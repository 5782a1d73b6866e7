package dev.endsession.agent.bus.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FrameReader} and {@link FrameWriter}: the frames {@link FrameCodec} makes, through reused buffers. */
class FrameChannelTest {

    static byte[] written(List<Message> messages, int bufferSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(Channels.newChannel(bytes), ByteBuffer.allocateDirect(bufferSize));
        for (Message message : messages) {
            writer.write(message);
        }
        return bytes.toByteArray();
    }

    /** A channel that hands out at most {@code chunk} bytes a read, as a socket may. */
    static ReadableByteChannel trickling(byte[] bytes, int chunk) {
        ReadableByteChannel all = Channels.newChannel(new ByteArrayInputStream(bytes));
        return new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                ByteBuffer part = dst.slice(dst.position(), Math.min(chunk, dst.remaining()));
                int n = all.read(part);
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void theWriterWritesEachFrameAsTheCodecFramesIt() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Message message : FrameCodecTest.EVERY_KIND) {
            stream.write(FrameCodec.frame(message));
        }
        assertArrayEquals(stream.toByteArray(), written(FrameCodecTest.EVERY_KIND, 4096));
        assertArrayEquals(stream.toByteArray(), written(FrameCodecTest.EVERY_KIND, 8), "frames larger than the buffer");
    }

    @Test
    void framesArriveWholeHoweverTheBytesAreSplitAndWhateverFollowsThem() throws IOException {
        byte[] bytes = written(FrameCodecTest.EVERY_KIND, 4096);
        for (int chunk : new int[] {1, 3, 7, bytes.length}) {
            for (int buffer : new int[] {4, 16, 4096}) {
                FrameReader reader = new FrameReader(trickling(bytes, chunk), ByteBuffer.allocateDirect(buffer));
                for (Message message : FrameCodecTest.EVERY_KIND) {
                    assertEquals(message, reader.read(), "chunk " + chunk + ", buffer " + buffer);
                }
                assertNull(reader.read(), "a clean end between frames");
            }
        }
    }

    @Test
    void aReusedBufferForgetsTheLastChannelsBytes() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
        byte[] two = written(List.of(new Message.Hello(), new Message.Exit()), 64);
        FrameReader first = new FrameReader(Channels.newChannel(new ByteArrayInputStream(two)), buffer);
        assertEquals(new Message.Hello(), first.read()); // the Exit frame is left in the buffer
        FrameReader next = new FrameReader(Channels.newChannel(new ByteArrayInputStream(new byte[0])), buffer);
        assertNull(next.read());
    }

    @Test
    void anEndInsideAFrameIsAnErrorAndABadLengthIsRejectedBeforeTheBody() throws IOException {
        byte[] frame = written(FrameCodecTest.EVERY_KIND.subList(1, 2), 4096);
        for (int cut : new int[] {2, 4, frame.length - 1}) {
            byte[] partial = Arrays.copyOf(frame, cut);
            assertThrows(EOFException.class, () -> new FrameReader(Channels.newChannel(new ByteArrayInputStream(partial)),
                    ByteBuffer.allocate(16)).read(), "cut at " + cut);
        }
        byte[] huge = ByteBuffer.allocate(4).putInt(Bounds.MAX_FRAME + 1).array();
        WireException e = assertThrows(WireException.class,
                () -> new FrameReader(Channels.newChannel(new ByteArrayInputStream(huge)), ByteBuffer.allocate(16)).read());
        assertTrue(e.getMessage().contains("outside 2.." + Bounds.MAX_FRAME), e.getMessage());
    }
}
