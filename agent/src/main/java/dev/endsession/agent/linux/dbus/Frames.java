package dev.endsession.agent.linux.dbus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Where one D-Bus message ends in a stream of them: its fixed header says. */
final class Frames {

    /** The fixed header and the header fields' array length: the bytes that give a message's length. */
    static final int FIXED = 16;
    /** The spec's limit on a message. */
    static final long MAX_MESSAGE = 128L << 20;

    private Frames() {
    }

    static ByteOrder order(byte endian) {
        return switch (endian) {
            case 'l' -> ByteOrder.LITTLE_ENDIAN;
            case 'B' -> ByteOrder.BIG_ENDIAN;
            default -> throw new IllegalArgumentException("no D-Bus message starts with byte " + endian);
        };
    }

    /**
     * @param in at least {@link #FIXED} bytes of a message, from {@code start}
     * @return the whole message's length
     * @throws IllegalArgumentException if these bytes start no D-Bus message: the stream is lost
     */
    static long length(ByteBuffer in, int start) {
        ByteOrder order = order(in.get(start));
        if (in.get(start + 3) != 1) {
            throw new IllegalArgumentException("D-Bus protocol version " + in.get(start + 3));
        }
        ByteBuffer header = in.duplicate().order(order);
        long body = Integer.toUnsignedLong(header.getInt(start + 4));
        long fields = Integer.toUnsignedLong(header.getInt(start + 12));
        long length = FIXED + (fields + 7) / 8 * 8 + body;
        if (length > MAX_MESSAGE) {
            throw new IllegalArgumentException("a message of " + length + " bytes");
        }
        return length;
    }
}
