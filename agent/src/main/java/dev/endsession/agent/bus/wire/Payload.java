package dev.endsession.agent.bus.wire;

import dev.endsession.api.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A frame's fields in a byte array, read with every bound checked before use, or written. All
 * integers are big-endian; a string is a u16 byte count and strict UTF-8; a list is a u16 count and
 * its strings; reasons are a u32 bit set of {@link Reason} ordinals; a boolean is exactly 0 or 1.
 *
 * <p>Plain array indexing on purpose: the app side of the bus runs interpreted (it serves too few
 * frames to be compiled), where each {@code ByteBuffer} or {@code DataOutputStream} call is several
 * calls deep; a frame is a handful of fields.
 */
final class Payload {

    private static final Reason[] REASONS = Reason.values();

    private byte[] bytes;
    private int at;

    /** To read {@code body}. */
    Payload(byte[] body) {
        this.bytes = body;
    }

    /** To write, from {@code offset} on (room left for a length prefix, say). */
    Payload(int capacity, int offset) {
        this.bytes = new byte[capacity];
        this.at = offset;
    }

    private void need(int count, String what) throws WireException {
        if (bytes.length - at < count) {
            throw new WireException("frame ends inside " + what);
        }
    }

    int u8(String what) throws WireException {
        need(1, what);
        return bytes[at++] & 0xFF;
    }

    private int u16() {
        int value = (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
        at += 2;
        return value;
    }

    int i32(String what) throws WireException {
        need(4, what);
        int value = bytes[at] << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
        at += 4;
        return value;
    }

    long i64(String what) throws WireException {
        need(8, what);
        long high = i32(what);
        return high << 32 | i32(what) & 0xFFFF_FFFFL;
    }

    boolean bool(String what) throws WireException {
        int value = u8(what);
        if (value > 1) {
            throw new WireException(what + " is " + value + ", not a boolean (0 or 1)");
        }
        return value == 1;
    }

    long millis(String what) throws WireException {
        long value = i64(what);
        if (value < 0 || value > Bounds.MAX_MILLIS) {
            throw new WireException(what + " of " + value + " ms is outside 0.." + Bounds.MAX_MILLIS);
        }
        return value;
    }

    /** @return the reasons, as an unmodifiable set (the messages keep it as it is) */
    Set<Reason> reasons() throws WireException {
        int bits = i32("reasons");
        if ((bits >>> REASONS.length) != 0) {
            throw new WireException("reasons 0x" + Integer.toHexString(bits) + " name an unknown reason");
        }
        Reason[] set = new Reason[Integer.bitCount(bits)];
        int count = 0;
        for (int i = 0; i < REASONS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                set[count++] = REASONS[i];
            }
        }
        return Set.of(set);
    }

    String string(String what) throws WireException {
        need(2, what + " length");
        int length = u16();
        if (length > Bounds.MAX_STRING) {
            throw new WireException(what + " of " + length + " bytes exceeds " + Bounds.MAX_STRING);
        }
        need(length, what);
        ByteBuffer utf8 = ByteBuffer.wrap(bytes, at, length);
        at += length;
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(utf8);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new WireException(what + " is not valid UTF-8");
        }
    }

    List<String> strings(String what) throws WireException {
        need(2, what + " count");
        int count = u16();
        if (count > Bounds.MAX_LIST) {
            throw new WireException(what + " has " + count + " entries, more than " + Bounds.MAX_LIST);
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(string(what + "[" + i + "]"));
        }
        return values;
    }

    void end() throws WireException {
        if (at < bytes.length) {
            throw new WireException((bytes.length - at) + " unexpected bytes after the message");
        }
    }

    private void room(int count) {
        if (bytes.length - at < count) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + count));
        }
    }

    void put8(int value) {
        room(1);
        bytes[at++] = (byte) value;
    }

    void put32(int value) {
        room(4);
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
        at += 4;
    }

    void put64(long value) {
        put32((int) (value >>> 32));
        put32((int) value);
    }

    void putBoolean(boolean value) {
        put8(value ? 1 : 0);
    }

    void putReasons(Set<Reason> reasons) {
        int bits = 0;
        for (Reason reason : reasons) {
            bits |= 1 << reason.ordinal();
        }
        put32(bits);
    }

    void putMillis(long millis) {
        put64(Math.max(0, Math.min(Bounds.MAX_MILLIS, millis)));
    }

    void putString(String value) {
        byte[] utf8 = FrameCodec.cut(value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        room(2 + utf8.length);
        bytes[at] = (byte) (utf8.length >>> 8);
        bytes[at + 1] = (byte) utf8.length;
        System.arraycopy(utf8, 0, bytes, at + 2, utf8.length);
        at += 2 + utf8.length;
    }

    void putStrings(List<String> values) {
        int count = Math.min(values.size(), Bounds.MAX_LIST);
        room(2);
        bytes[at] = (byte) (count >>> 8);
        bytes[at + 1] = (byte) count;
        at += 2;
        for (int i = 0; i < count; i++) {
            putString(values.get(i));
        }
    }

    /** @return the bytes written, with {@code [0, prefix)} set to the count that follows if {@code prefix} is 4 */
    byte[] written(int prefix) {
        if (prefix == 4) {
            int length = at - 4;
            bytes[0] = (byte) (length >>> 24);
            bytes[1] = (byte) (length >>> 16);
            bytes[2] = (byte) (length >>> 8);
            bytes[3] = (byte) length;
        }
        return at == bytes.length ? bytes : Arrays.copyOf(bytes, at);
    }
}
