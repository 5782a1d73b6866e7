package dev.endsession.agent.bus.wire;

import dev.endsession.api.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a frame's fields with every bound checked before use. All integers are big-endian;
 * a string is a u16 byte count and strict UTF-8; a list is a u16 count and its strings; reasons
 * are a u32 bit set of {@link Reason} ordinals; a boolean is exactly 0 or 1.
 */
final class Payload {

    private final ByteBuffer in;

    Payload(ByteBuffer in) {
        this.in = in;
    }

    private void need(int bytes, String what) throws WireException {
        if (in.remaining() < bytes) {
            throw new WireException("frame ends inside " + what);
        }
    }

    int u8(String what) throws WireException {
        need(1, what);
        return in.get() & 0xFF;
    }

    int i32(String what) throws WireException {
        need(4, what);
        return in.getInt();
    }

    long i64(String what) throws WireException {
        need(8, what);
        return in.getLong();
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

    Set<Reason> reasons() throws WireException {
        int bits = i32("reasons");
        Reason[] all = Reason.values();
        if ((bits >>> all.length) != 0) {
            throw new WireException("reasons 0x" + Integer.toHexString(bits) + " name an unknown reason");
        }
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        for (Reason reason : all) {
            if ((bits & (1 << reason.ordinal())) != 0) {
                reasons.add(reason);
            }
        }
        return reasons;
    }

    String string(String what) throws WireException {
        need(2, what + " length");
        int length = in.getShort() & 0xFFFF;
        if (length > Bounds.MAX_STRING) {
            throw new WireException(what + " of " + length + " bytes exceeds " + Bounds.MAX_STRING);
        }
        need(length, what);
        ByteBuffer bytes = in.slice(in.position(), length);
        in.position(in.position() + length);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new WireException(what + " is not valid UTF-8");
        }
    }

    List<String> strings(String what) throws WireException {
        need(2, what + " count");
        int count = in.getShort() & 0xFFFF;
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
        if (in.hasRemaining()) {
            throw new WireException(in.remaining() + " unexpected bytes after the message");
        }
    }
}
