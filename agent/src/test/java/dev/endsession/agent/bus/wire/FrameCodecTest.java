package dev.endsession.agent.bus.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    static final List<Message> EVERY_KIND = List.of(
            new Message.Hello(),
            new Message.Info(4242, "notes ✎", 0x280, "idle", List.of("Unsaved changes", "Printing"), true),
            new Message.Query(EnumSet.of(Reason.LOGOFF, Reason.CRITICAL), 5000, true),
            new Message.Answer(true, List.of("Unsaved changes in 2 documents"), List.of("Slow")),
            new Message.End(EnumSet.of(Reason.SHUTDOWN, Reason.RESTART, Reason.FORCED), true, 2000),
            new Message.Ended(List.of("a", "b"), List.of("c"), List.of(), 17),
            new Message.Notice(EnumSet.of(Reason.LOGOFF), 5000),
            new Message.Exit(),
            new Message.Ack("exiting"),
            new Message.Failure("no"));

    @Test
    void everyMessageTypeIsAmongTheKindsEncodedHere() {
        Set<Class<?>> covered = Set.copyOf(EVERY_KIND.stream().map(Object::getClass).toList());
        assertEquals(Set.of(Message.class.getPermittedSubclasses()), covered, "a new message type needs its encoding "
                + "(FrameCodec.encode refuses a type it does not know)");
    }

    static byte[] body(int version, int type, byte... payload) {
        return ByteBuffer.allocate(2 + payload.length).put((byte) version).put((byte) type).put(payload).array();
    }

    @Nested
    class RoundTrip {
        @Test
        void everyMessageKindDecodesToWhatWasEncoded() throws IOException {
            for (Message message : EVERY_KIND) {
                assertEquals(message, FrameCodec.decode(FrameCodec.encode(message)));
            }
        }

        @Test
        void framesOnAStreamReadBackInOrderThenEndCleanly() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Message message : EVERY_KIND) {
                out.write(FrameCodec.frame(message));
            }
            FrameReader in = reader(out.toByteArray());
            for (Message message : EVERY_KIND) {
                assertEquals(message, in.read());
            }
            assertNull(in.read());
        }

        @Test
        void overlongStringsAndListsAreCutToTheBoundsWhenEncoded() throws IOException {
            String huge = "é".repeat(Bounds.MAX_STRING); // 2 bytes each: twice the bound
            List<String> many = Collections.nCopies(Bounds.MAX_LIST + 10, "x");
            Message.Answer decoded = (Message.Answer) FrameCodec.decode(FrameCodec.encode(
                    new Message.Answer(true, many, List.of(huge))));
            assertEquals(Bounds.MAX_LIST, decoded.blockReasons().size());
            assertEquals(Bounds.MAX_STRING / 2, decoded.hungListeners().get(0).length());
        }
    }

    @Nested
    class Rejects {
        void rejected(byte[] body, String why) {
            WireException e = assertThrows(WireException.class, () -> FrameCodec.decode(body));
            assertTrue(e.getMessage().contains(why), e.getMessage());
        }

        @Test
        void anotherVersion() {
            rejected(body(2, 1), "protocol version 2");
        }

        @Test
        void anUnknownType() {
            rejected(body(1, 99), "unknown message type 99");
        }

        @Test
        void bytesAfterTheMessage() {
            rejected(body(1, 1, (byte) 0), "unexpected bytes");
        }

        @Test
        void aFrameThatEndsInsideAField() {
            rejected(body(1, 3, (byte) 0, (byte) 0), "frame ends inside reasons");
        }

        @Test
        void aBooleanThatIsNeitherZeroNorOne() {
            rejected(ByteBuffer.allocate(15).put((byte) 1).put((byte) 3).putInt(1).putLong(5).put((byte) 7).array(),
                    "interactionAllowed is 7");
        }

        @Test
        void reasonsBeyondTheKnownOnes() {
            rejected(ByteBuffer.allocate(14).put((byte) 1).put((byte) 7).putInt(1 << 20).putLong(5).array(), "unknown reason");
        }

        @Test
        void aDeadlineOutOfBounds() {
            rejected(ByteBuffer.allocate(14).put((byte) 1).put((byte) 7).putInt(1).putLong(-1).array(), "outside 0..");
        }

        @Test
        void aStringLongerThanTheBound() {
            rejected(ByteBuffer.allocate(4).put((byte) 1).put((byte) 9).putShort((short) (Bounds.MAX_STRING + 1)).array(),
                    "exceeds " + Bounds.MAX_STRING);
        }

        @Test
        void aListLongerThanTheBound() {
            rejected(ByteBuffer.allocate(5).put((byte) 1).put((byte) 4).put((byte) 1).putShort((short) (Bounds.MAX_LIST + 1))
                    .array(), "more than " + Bounds.MAX_LIST);
        }

        @Test
        void invalidUtf8() {
            rejected(ByteBuffer.allocate(6).put((byte) 1).put((byte) 9).putShort((short) 2).put((byte) 0xC3).put((byte) 0x28)
                    .array(), "not valid UTF-8");
        }

        @Test
        void aLengthPrefixBeyondTheFrameBoundBeforeReadingTheBody() {
            byte[] prefix = ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array();
            WireException e = assertThrows(WireException.class, () -> reader(prefix).read());
            assertTrue(e.getMessage().contains("outside 2.." + Bounds.MAX_FRAME), e.getMessage());
        }

        @Test
        void aStreamThatEndsInsideAFrame() {
            byte[] partial = ByteBuffer.allocate(6).putInt(10).put((byte) 1).put((byte) 1).array();
            assertThrows(EOFException.class, () -> reader(partial).read());
        }

        @Test
        void aNonPositivePid() {
            Message.Info info = new Message.Info(1, "a", 1, "idle", List.of(), false);
            byte[] bytes = FrameCodec.encode(info);
            ByteBuffer.wrap(bytes).putLong(2, 0);
            rejected(bytes, "pid 0");
        }
    }

    @Test
    void reasonsTravelAsASetWhateverTheirOrder() throws IOException {
        Set<Reason> all = EnumSet.allOf(Reason.class);
        assertEquals(all, ((Message.Notice) FrameCodec.decode(FrameCodec.encode(new Message.Notice(all, 1)))).reasons());
    }

    /** The bus's own reader over {@code bytes}, with a buffer small enough to split frames across reads. */
    static FrameReader reader(byte[] bytes) {
        return new FrameReader(Channels.newChannel(new ByteArrayInputStream(bytes)), ByteBuffer.allocate(7));
    }
}
