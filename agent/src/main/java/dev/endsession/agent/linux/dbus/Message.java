package dev.endsession.agent.linux.dbus;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * A received D-Bus message (a signal, a call, or a call's reply), its body read value by value in its
 * signature's order; each read checks the signature, so a message of another shape is an error, not
 * a misreading. Not thread-safe: the thread that owns its connection only.
 *
 * @see <a href="https://dbus.freedesktop.org/doc/dbus-specification.html#message-protocol-marshaling">marshaling</a>
 */
public final class Message implements AutoCloseable {

    static final byte METHOD_CALL = 1;
    static final byte METHOD_RETURN = 2;
    static final byte ERROR = 3;
    static final byte SIGNAL = 4;
    /** The header's flag: the sender wants no reply. */
    static final byte NO_REPLY_EXPECTED = 1;

    private final byte type;
    private final byte flags;
    private final long serial;
    private final Map<Integer, Object> fields;
    private final ByteBuffer body;
    private final String signature;
    private final int[] fds;
    private int next; // index into signature

    private Message(byte type, byte flags, long serial, Map<Integer, Object> fields, ByteBuffer body, int[] fds) {
        this.type = type;
        this.flags = flags;
        this.serial = serial;
        this.fields = fields;
        this.body = body;
        this.signature = fields.get(Header.SIGNATURE) instanceof String s ? s : "";
        this.fds = fds;
    }

    /**
     * Decodes one whole message.
     *
     * @param bytes exactly one message, as {@link Frames#length} measured it
     * @param received the descriptors received on its connection and not yet taken: it takes its own
     */
    static Message decode(byte[] bytes, Queue<Integer> received) throws DbusException {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes).order(Frames.order(bytes[0]));
            byte type = in.get(1);
            byte flags = in.get(2);
            long serial = Integer.toUnsignedLong(in.getInt(8));
            int end = Math.addExact(Frames.FIXED, in.getInt(12));
            in.position(Frames.FIXED);
            Map<Integer, Object> fields = new HashMap<>();
            while (in.position() < end) {
                Values.align(in, 8);
                int code = in.get() & 0xff;
                String signature = Values.signature(in);
                if (code < Header.TYPES.length() && !signature.equals(Header.TYPES.substring(code, code + 1))) {
                    throw new IllegalArgumentException("header field " + code + " of type " + signature);
                }
                fields.put(code, Values.read(in, signature, new int[] {0})); // a variant's value, its signature just read
            }
            Values.align(in, 8);
            int[] fds = null;
            if (fields.get(Header.UNIX_FDS) instanceof Long count && count > 0) {
                fds = new int[(int) Math.min(count, received.size())];
                for (int i = 0; i < fds.length; i++) {
                    fds[i] = received.remove();
                }
            }
            return new Message(type, flags, serial, fields, in.slice().order(in.order()), fds);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException e) {
            throw new DbusException("a malformed message: " + e);
        }
    }

    byte type() {
        return type;
    }

    boolean wantsReply() {
        return type == METHOD_CALL && (flags & NO_REPLY_EXPECTED) == 0;
    }

    long serial() {
        return serial;
    }

    /** @return the serial of the call this answers, or -1 */
    long replySerial() {
        return fields.get(Header.REPLY_SERIAL) instanceof Long l ? l : -1;
    }

    String path() {
        return (String) fields.get(Header.PATH);
    }

    String iface() {
        return (String) fields.get(Header.INTERFACE);
    }

    String sender() {
        return (String) fields.get(Header.SENDER);
    }

    /** @return the error's {@code name: text}, for an error reply */
    String error() {
        String name = (String) fields.get(Header.ERROR_NAME);
        String text = signature.startsWith("s") ? textOrNull() : null;
        return name + (text == null ? "" : ": " + text);
    }

    private String textOrNull() {
        try {
            return readString('s');
        } catch (DbusException e) {
            return null;
        }
    }

    /** @return the signal's or call's member name */
    public String member() {
        return (String) fields.get(Header.MEMBER);
    }

    /** @return the next value, of type {@code s} or {@code o} */
    public String readString(char type) throws DbusException {
        return (String) readBasic(type);
    }

    /** @return the next value, of type {@code b} */
    public boolean readBoolean() throws DbusException {
        return (Boolean) readBasic('b');
    }

    /** @return the next value, of type {@code u} */
    public long readUint32() throws DbusException {
        return (Long) readBasic('u');
    }

    /**
     * @return the next value, of type {@code h}: a descriptor that came with the message, now the
     *     caller's to close ({@link #closeFileDescriptor})
     */
    public int readFileDescriptor() throws DbusException {
        int index = (int) (long) (Long) readBasic('h');
        if (fds == null || index < 0 || index >= fds.length || fds[index] < 0) {
            throw new DbusException("the message carries no file descriptor " + index);
        }
        int fd = fds[index];
        fds[index] = -1;
        return fd;
    }

    /** @return the next value, a variant holding a {@code t} (a property's value) */
    public long readVariantUint64() throws DbusException {
        return readVariant('t') instanceof Long l ? l : mismatch("a variant of t");
    }

    /** @return the next value, a variant holding a {@code b} (a property's value) */
    public boolean readVariantBoolean() throws DbusException {
        return readVariant('b') instanceof Boolean b ? b : mismatch("a variant of b");
    }

    private Object readVariant(char expected) throws DbusException {
        Object value = readBasic('v');
        return value instanceof Values.Variant v && v.type() == expected ? v.value() : null;
    }

    private static <T> T mismatch(String wanted) throws DbusException {
        throw new DbusException("the value is not " + wanted);
    }

    /** Closes a descriptor from {@link #readFileDescriptor}; never throws. */
    public static void closeFileDescriptor(int fd) {
        LibC.close(fd);
    }

    /**
     * @return the next value, of type {@code a{sv}}: the entries whose value is of a basic type
     *     ({@code u} and {@code t} as Long, {@code b}, {@code s}, {@code o}); others are skipped
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> readVardict() throws DbusException {
        if (!signature.startsWith("a{sv}", next)) {
            return mismatch("a{sv}");
        }
        return (Map<String, Object>) read();
    }

    private Object readBasic(char type) throws DbusException {
        if (next >= signature.length() || signature.charAt(next) != type) {
            throw new DbusException("cannot read a value of type " + type + " from a message of signature " + signature);
        }
        return read();
    }

    private Object read() throws DbusException {
        try {
            int[] at = {next};
            Object value = Values.read(body, signature, at);
            next = at[0];
            return value;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new DbusException("a malformed message body: " + e);
        }
    }

    /** Closes the descriptors that came with it and nobody took; never throws. */
    @Override
    public void close() {
        if (fds != null) {
            for (int i = 0; i < fds.length; i++) {
                if (fds[i] >= 0) {
                    LibC.close(fds[i]);
                    fds[i] = -1;
                }
            }
        }
    }

    /** The header fields' codes. */
    static final class Header {
        static final int PATH = 1;
        static final int INTERFACE = 2;
        static final int MEMBER = 3;
        static final int ERROR_NAME = 4;
        static final int REPLY_SERIAL = 5;
        static final int DESTINATION = 6;
        static final int SENDER = 7;
        static final int SIGNATURE = 8;
        static final int UNIX_FDS = 9;
        /** Each field's type, by code (the spec's; code 0 is invalid, so no type matches it). */
        static final String TYPES = "-osssussgu";

        private Header() {
        }
    }
}
