package dev.endsession.agent.linux.dbus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes the messages this client sends: method calls and error replies, little-endian. A call's
 * arguments follow one convention: {@code s}, {@code o} a String; {@code b} a Boolean or an int;
 * {@code u} an int; {@code t} a long; {@code a{sv}} the entry count, then per entry its key, its
 * value's one-letter type and the value.
 */
final class MessageWriter {

    private ByteBuffer out = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    private MessageWriter() {
    }

    static ByteBuffer methodCall(long serial, String destination, String path, String iface, String member, String types,
            Object... args) {
        MessageWriter body = new MessageWriter();
        body.arguments(types, args);
        MessageWriter m = new MessageWriter();
        m.header(Message.METHOD_CALL, 0, serial, body.out.position());
        m.field(Message.Header.PATH, 'o', path);
        m.field(Message.Header.INTERFACE, 's', iface);
        m.field(Message.Header.MEMBER, 's', member);
        m.field(Message.Header.DESTINATION, 's', destination);
        if (!types.isEmpty()) {
            m.field(Message.Header.SIGNATURE, 'g', types);
        }
        return m.finish(body);
    }

    /** @return an error reply to {@code call}, without a text */
    static ByteBuffer error(long serial, Message call, String name) {
        MessageWriter m = new MessageWriter();
        m.header(Message.ERROR, Message.NO_REPLY_EXPECTED, serial, 0);
        m.field(Message.Header.ERROR_NAME, 's', name);
        m.field(Message.Header.REPLY_SERIAL, 'u', (int) call.serial());
        if (call.sender() != null) {
            m.field(Message.Header.DESTINATION, 's', call.sender());
        }
        return m.finish(new MessageWriter());
    }

    private void header(byte type, int flags, long serial, int bodyLength) {
        out.put((byte) 'l').put(type).put((byte) flags).put((byte) 1).putInt(bodyLength).putInt((int) serial);
        out.putInt(0); // the fields' length, set by finish
    }

    private void field(int code, char type, Object value) {
        align(8);
        out.put((byte) code);
        signature(String.valueOf(type));
        basic(type, value);
    }

    private ByteBuffer finish(MessageWriter body) {
        out.putInt(12, out.position() - Frames.FIXED);
        align(8);
        room(body.out.position());
        out.put(body.out.flip());
        return out.flip();
    }

    private void arguments(String types, Object... args) {
        int next = 0;
        for (int t = 0; t < types.length(); t++) {
            char type = types.charAt(t);
            if (types.startsWith("a{sv}", t)) {
                int entries = (Integer) args[next++];
                align(4);
                int length = out.position();
                out.putInt(0);
                align(8);
                int start = out.position();
                for (int e = 0; e < entries; e++) {
                    align(8);
                    basic('s', args[next++]);
                    String variant = (String) args[next++];
                    signature(variant);
                    basic(variant.charAt(0), args[next++]);
                }
                out.putInt(length, out.position() - start);
                t += "a{sv}".length() - 1;
            } else {
                basic(type, args[next++]);
            }
        }
    }

    private void basic(char type, Object value) {
        switch (type) {
            case 's', 'o' -> {
                byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                align(4);
                room(utf8.length + 5);
                out.putInt(utf8.length).put(utf8).put((byte) 0);
            }
            case 'g' -> signature((String) value);
            case 'b' -> align(4).putInt(value instanceof Boolean b ? (b ? 1 : 0) : (Integer) value);
            case 'u', 'i' -> align(4).putInt((Integer) value);
            case 't', 'x' -> align(8).putLong((Long) value);
            default -> throw new IllegalArgumentException("no writing of D-Bus type " + type);
        }
    }

    private void signature(String types) {
        byte[] ascii = types.getBytes(StandardCharsets.US_ASCII);
        room(ascii.length + 2);
        out.put((byte) ascii.length).put(ascii).put((byte) 0);
    }

    private ByteBuffer align(int n) {
        int padded = (out.position() + n - 1) / n * n;
        room(padded - out.position() + 8);
        while (out.position() < padded) {
            out.put((byte) 0);
        }
        return out;
    }

    private void room(int bytes) {
        if (out.remaining() < bytes) {
            out = ByteBuffer.wrap(Arrays.copyOf(out.array(), Math.max(out.capacity() * 2, out.position() + bytes)))
                    .order(ByteOrder.LITTLE_ENDIAN).position(out.position());
        }
    }
}
