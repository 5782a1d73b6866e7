package dev.endsession.agent.linux.dbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The stream side of a connection: lines, then whole messages however the bytes arrive; oversized ones skipped. */
class IncomingTest {

    /** A transport that hands out its bytes at most {@code chunk} at a time. */
    private static final class Chunks implements Transport {
        private final ByteBuffer bytes;
        private final int chunk;

        Chunks(byte[] bytes, int chunk) {
            this.bytes = ByteBuffer.wrap(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read(ByteBuffer into, long waitMillis, Queue<Integer> fds) {
            if (!bytes.hasRemaining()) {
                return -1;
            }
            int n = Math.min(chunk, Math.min(into.remaining(), bytes.remaining()));
            into.put(bytes.array(), bytes.position(), n);
            bytes.position(bytes.position() + n);
            return n;
        }

        @Override
        public void write(ByteBuffer out, long waitMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private static byte[] call(String member, String text) {
        ByteBuffer m = MessageWriter.methodCall(1, "d", "/p", "i.f", member, "s", text);
        byte[] b = new byte[m.remaining()];
        m.get(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            all.put(p);
        }
        return all.array();
    }

    private static Message nextMessage(Incoming incoming, Transport transport) throws Exception {
        Message m;
        while ((m = incoming.next("test")) == null) {
            if (incoming.readFrom(transport, 0) < 0) {
                return null;
            }
        }
        return m;
    }

    @Test
    void linesThenMessagesArriveWholeWhateverTheChunks() throws Exception {
        byte[] stream = concat("OK 0123\r\n".getBytes(StandardCharsets.US_ASCII), call("First", "a".repeat(5000)), call("Second", "b"));
        for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
            Incoming incoming = new Incoming();
            Chunks transport = new Chunks(stream, chunk);
            String line;
            while ((line = incoming.line()) == null) {
                incoming.readFrom(transport, 0);
            }
            assertEquals("OK 0123", line);
            assertEquals("First", nextMessage(incoming, transport).member(), "chunks of " + chunk);
            assertEquals("Second", nextMessage(incoming, transport).member(), "chunks of " + chunk);
            assertNull(nextMessage(incoming, transport));
        }
    }

    @Test
    void aMessageOverTheLimitIsSkippedAndTheNextOneRead() throws Exception {
        byte[] huge = call("Huge", "x".repeat(Incoming.MAX_KEPT + 10));
        Incoming incoming = new Incoming();
        Chunks transport = new Chunks(concat(huge, call("After", "y")), 64 * 1024);
        assertEquals("After", nextMessage(incoming, transport).member());
    }

    @Test
    void bytesThatAreNoMessageLoseTheStream() {
        Incoming incoming = new Incoming();
        Chunks transport = new Chunks("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 1024);
        assertThrows(IllegalArgumentException.class, () -> nextMessage(incoming, transport));
        ByteBuffer lying = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'l').put((byte) 1).put((byte) 0)
                .put((byte) 1).putInt(0x7fff_ffff).putInt(1).putInt(0x7fff_ffff);
        Incoming other = new Incoming();
        assertThrows(IllegalArgumentException.class, () -> nextMessage(other, new Chunks(lying.array(), 16)),
                "a length over the spec's 128 MiB");
    }
}
