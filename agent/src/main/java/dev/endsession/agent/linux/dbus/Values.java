package dev.endsession.agent.linux.dbus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads D-Bus values from a message's bytes by signature: basic values as {@code Long} (every
 * integer and {@code h}), {@code Boolean}, {@code Double}, {@code String}; a variant as {@link Variant};
 * {@code a{sv}} as a map of its basic entries; any other array or struct is skipped ({@code null}).
 * Malformed bytes throw {@link IllegalArgumentException} or an underflow, never read past the message.
 */
final class Values {

    /** The spec's limit on nested containers; deeper input is malformed (and would risk the stack). */
    private static final int MAX_DEPTH = 64;
    /** The spec's limit on one array's bytes. */
    private static final int MAX_ARRAY = 64 << 20;

    /** A variant's value, with its type (one letter for a basic type, else the container's first). */
    record Variant(char type, Object value) {
    }

    private Values() {
    }

    /**
     * @param at the index of the value's type in {@code signature}, moved past it
     * @return the value
     */
    static Object read(ByteBuffer in, String signature, int[] at) {
        return read(in, signature, at, 0);
    }

    private static Object read(ByteBuffer in, String signature, int[] at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("values nested too deep");
        }
        char type = signature.charAt(at[0]++);
        switch (type) {
            case 'y':
                return (long) (in.get() & 0xff);
            case 'n':
                return (long) align(in, 2).getShort();
            case 'q':
                return (long) (align(in, 2).getShort() & 0xffff);
            case 'i':
                return (long) align(in, 4).getInt();
            case 'u', 'h':
                return Integer.toUnsignedLong(align(in, 4).getInt());
            case 'x', 't':
                return align(in, 8).getLong();
            case 'd':
                return align(in, 8).getDouble();
            case 'b': {
                int b = align(in, 4).getInt();
                if (b != 0 && b != 1) {
                    throw new IllegalArgumentException("a boolean of " + b);
                }
                return b == 1;
            }
            case 's', 'o':
                return string(in, Integer.toUnsignedLong(align(in, 4).getInt()));
            case 'g':
                return signature(in);
            case 'v': {
                String inner = signature(in);
                int[] i = {0};
                Object value = inner.isEmpty() ? null : read(in, inner, i, depth + 1);
                if (i[0] != inner.length()) {
                    throw new IllegalArgumentException("a variant of more than one type: " + inner);
                }
                return new Variant(inner.charAt(0), value);
            }
            case 'a':
                return array(in, signature, at, depth);
            case '(': {
                align(in, 8);
                while (signature.charAt(at[0]) != ')') {
                    read(in, signature, at, depth + 1);
                }
                at[0]++;
                return null;
            }
            default:
                throw new IllegalArgumentException("no D-Bus type " + type);
        }
    }

    private static Object array(ByteBuffer in, String signature, int[] at, int depth) {
        long length = Integer.toUnsignedLong(align(in, 4).getInt());
        if (length > MAX_ARRAY) {
            throw new IllegalArgumentException("an array of " + length + " bytes");
        }
        int element = at[0];
        int after = end(signature, element);
        align(in, alignment(signature.charAt(element)));
        int end = Math.addExact(in.position(), (int) length);
        if (end > in.limit()) {
            throw new IllegalArgumentException("an array past the message's end");
        }
        at[0] = after;
        if (!signature.startsWith("{sv}", element)) {
            in.position(end); // not needed here: skipped by its length
            return null;
        }
        Map<String, Object> entries = new HashMap<>();
        while (in.position() < end) {
            align(in, 8);
            int[] i = {element + 1};
            String key = (String) read(in, signature, i, depth + 1);
            Variant value = (Variant) read(in, signature, i, depth + 1);
            if (value.value() instanceof Long || value.value() instanceof Boolean || value.value() instanceof String) {
                entries.put(key, value.value());
            }
        }
        if (in.position() != end) {
            throw new IllegalArgumentException("an array's entries overran its length");
        }
        return entries;
    }

    /** @return the index just past the complete type that starts at {@code at} */
    static int end(String signature, int at) {
        char type = signature.charAt(at);
        if (type == 'a') {
            return end(signature, at + 1);
        }
        if (type == '(' || type == '{') {
            char close = type == '(' ? ')' : '}';
            int i = at + 1;
            while (signature.charAt(i) != close) {
                i = end(signature, i);
            }
            return i + 1;
        }
        return at + 1;
    }

    static int alignment(char type) {
        return switch (type) {
            case 'y', 'g', 'v' -> 1;
            case 'n', 'q' -> 2;
            case 'x', 't', 'd', '(', '{' -> 8;
            default -> 4;
        };
    }

    /** Skips the padding up to the next multiple of {@code n} (from the buffer's start). */
    static ByteBuffer align(ByteBuffer in, int n) {
        int padded = (in.position() + n - 1) / n * n;
        if (padded > in.limit()) {
            throw new IllegalArgumentException("padding past the message's end");
        }
        in.position(padded);
        return in;
    }

    static String signature(ByteBuffer in) {
        return string(in, in.get() & 0xff);
    }

    private static String string(ByteBuffer in, long length) {
        if (length > in.remaining() - 1) {
            throw new IllegalArgumentException("a string past the message's end");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), (int) length, StandardCharsets.UTF_8);
        in.position(in.position() + (int) length);
        if (in.get() != 0) {
            throw new IllegalArgumentException("a string without its NUL");
        }
        return s;
    }
}
