package dev.endsession.agent.linux.dbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire format both ways: what {@link MessageWriter} encodes, {@link Message} reads back; bad bytes are errors. */
class MessageTest {

    private static byte[] bytes(ByteBuffer message) {
        byte[] b = new byte[message.remaining()];
        message.get(b);
        return b;
    }

    private static Message decode(byte[] bytes) throws DbusException {
        assertEquals(bytes.length, Frames.length(ByteBuffer.wrap(bytes), 0), "the frame's length");
        return Message.decode(bytes, new ArrayDeque<>());
    }

    @Test
    void aMethodCallReadsBackAsWritten() throws Exception {
        byte[] call = bytes(MessageWriter.methodCall(7, "org.gnome.SessionManager", "/org/gnome/SessionManager/Client3",
                "org.gnome.SessionManager.ClientPrivate", "EndSessionResponse", "bsu", true, "Saving é", 42));
        Message m = decode(call);
        assertEquals(Message.METHOD_CALL, m.type());
        assertEquals(7, m.serial());
        assertEquals("/org/gnome/SessionManager/Client3", m.path());
        assertEquals("org.gnome.SessionManager.ClientPrivate", m.iface());
        assertEquals("EndSessionResponse", m.member());
        assertTrue(m.wantsReply());
        assertTrue(m.readBoolean());
        assertEquals("Saving é", m.readString('s'));
        assertEquals(42, m.readUint32());
        assertThrows(DbusException.class, m::readBoolean, "nothing is left to read");
    }

    @Test
    void aVardictKeepsItsBasicEntries() throws Exception {
        byte[] call = bytes(MessageWriter.methodCall(1, "d", "/p", "i.f", "M", "sua{sv}", "", 1, 4, "reason", "s", "unsaved",
                "session-state", "u", 2, "screensaver-active", "b", false, "delay", "t", 1L << 40));
        Message m = decode(call);
        assertEquals("", m.readString('s'));
        assertEquals(1, m.readUint32());
        assertEquals(Map.of("reason", "unsaved", "session-state", 2L, "screensaver-active", false, "delay", 1L << 40),
                m.readVardict());
    }

    @Test
    void readingAnotherTypeThanTheSignatureSaysIsAnError() throws Exception {
        Message m = decode(bytes(MessageWriter.methodCall(1, "d", "/p", "i.f", "M", "s", "text")));
        DbusException e = assertThrows(DbusException.class, m::readBoolean);
        assertTrue(e.getMessage().contains("signature s"), e.getMessage());
        assertThrows(DbusException.class, m::readVardict);
    }

    @Test
    void anErrorReplyNamesItsCallAndDestination() throws Exception {
        Message call = decode(bytes(MessageWriter.methodCall(9, "d", "/p", "i.f", "M", "")));
        Message error = decode(bytes(MessageWriter.error(3, call, "org.freedesktop.DBus.Error.UnknownMethod")));
        assertEquals(Message.ERROR, error.type());
        assertEquals(9, error.replySerial());
        assertFalse(error.wantsReply());
        assertEquals("org.freedesktop.DBus.Error.UnknownMethod", error.error());
    }

    @Test
    void aBigEndianMessageReadsToo() throws Exception {
        // what a big-endian peer sends: 'B', a signal, serial 5, member "S", signature "u", body 0x01020304
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'B').put(Message.SIGNAL).put((byte) 0).put((byte) 1).putInt(4).putInt(5).putInt(0);
        int fields = b.position();
        b.put((byte) 3).put((byte) 1).put((byte) 's').put((byte) 0).putInt(1).put((byte) 'S').put((byte) 0);
        b.position((b.position() + 7) / 8 * 8);
        b.put((byte) 8).put((byte) 1).put((byte) 'g').put((byte) 0).put((byte) 1).put((byte) 'u').put((byte) 0);
        b.putInt(12, b.position() - fields);
        b.position((b.position() + 7) / 8 * 8);
        b.putInt(0x01020304);
        Message m = decode(Arrays.copyOf(b.array(), b.position()));
        assertEquals("S", m.member());
        assertEquals(0x01020304L, m.readUint32());
    }

    @Test
    void malformedBytesAreAnErrorNeverAnOverrun() throws Exception {
        byte[] good = bytes(MessageWriter.methodCall(1, "d", "/p", "i.f", "M", "sa{sv}", "x", 1, "k", "s", "v"));
        for (int cut = Frames.FIXED; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThrows(DbusException.class, () -> {
                Message m = Message.decode(truncated, new ArrayDeque<>());
                m.readString('s');
                m.readVardict();
            }, "cut at " + cut);
        }
        byte[] lying = good.clone();
        int body = good.length - 4 * 7; // somewhere in the body: the array's length now says more than there is
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(body - body % 4, 0x7fff_fff0);
        assertThrows(DbusException.class, () -> {
            Message m = Message.decode(lying, new ArrayDeque<>());
            m.readString('s');
            m.readVardict();
        });
    }

    @Test
    void mutatedMessagesDecodeOrFailWithADbusExceptionOnly() throws Exception {
        byte[] good = bytes(MessageWriter.methodCall(1, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                "org.freedesktop.portal.Inhibit", "StateChanged", "sa{sv}u", "/o", 2, "session-state", "u", 3, "reason", "s", "r", 9));
        java.util.Random random = new java.util.Random(42); // fixed: a failure reproduces
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                Message m = Message.decode(mutated, new ArrayDeque<>());
                m.member();
                m.readString('s');
                m.readVardict();
                m.readUint32();
            } catch (DbusException expected) {
                // the only way a malformed message may fail
            }
        }
    }

    @Test
    void aStreamThatIsNotDbusIsRefusedAtItsFirstBytes() {
        ByteBuffer http = ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class, () -> Frames.length(http, 0));
        ByteBuffer huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'l').put((byte) 1).put((byte) 0)
                .put((byte) 1).putInt(-1).putInt(1).putInt(0);
        assertThrows(IllegalArgumentException.class, () -> Frames.length(huge, 0), "over the spec's 128 MiB");
    }

    @Test
    void variantsNestedPastTheSpecsLimitAreRefused() {
        // a body of 100 variants, each holding the next: "v" signature 1 "v" ... the stack stays safe
        ByteBuffer body = ByteBuffer.allocate(1024);
        for (int i = 0; i < 100; i++) {
            body.put((byte) 1).put((byte) 'v').put((byte) 0);
        }
        body.put((byte) 1).put((byte) 'y').put((byte) 0).put((byte) 7);
        body.flip();
        assertThrows(IllegalArgumentException.class, () -> Values.read(body, "v", new int[] {0}));
    }
}
