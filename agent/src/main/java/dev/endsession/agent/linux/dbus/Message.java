package dev.endsession.agent.linux.dbus;

import java.util.HashMap;
import java.util.Map;

/**
 * A received D-Bus message (a signal or a call's reply), read value by value in its signature's
 * order. Valid only during the handler it was given to, or until {@link #close()} for a reply.
 * Not thread-safe: the event loop's thread only.
 */
public final class Message implements AutoCloseable {

    private final long message;
    private final boolean owned;
    private final int[] word = new int[1];
    private final long[] wide = new long[1];

    Message(long message, boolean owned) {
        this.message = message;
        this.owned = owned;
    }

    /** @return the signal's or call's member name */
    public String member() {
        return Natives.string(SdBus.member(message));
    }

    /** @return the next value, of type {@code s} or {@code o} */
    public String readString(char type) throws DbusException {
        read(type, wide);
        return Natives.string(wide[0]);
    }

    /** @return the next value, of type {@code b}, as sd-bus gives it (an int) */
    public boolean readBoolean() throws DbusException {
        read('b', word);
        return word[0] != 0;
    }

    /** @return the next value, of type {@code u} */
    public long readUint32() throws DbusException {
        read('u', word);
        return Integer.toUnsignedLong(word[0]);
    }

    /** @return the next value, of type {@code t} */
    public long readUint64() throws DbusException {
        read('t', wide);
        return wide[0];
    }

    /**
     * @return a duplicate (close-on-exec) of the next value, of type {@code h}: the message owns the
     *     original and closes it with itself, so the caller owns and must close the copy
     */
    public int readFileDescriptor() throws DbusException {
        read('h', word);
        int copy = LibC.fcntl(word[0], LibC.F_DUPFD_CLOEXEC, 3);
        if (copy < 0) {
            throw new DbusException("cannot keep the received file descriptor");
        }
        return copy;
    }

    /** @return the next value, a variant holding a {@code t} (a property's value) */
    public long readVariantUint64() throws DbusException {
        check("enter v", SdBus.enterContainer(message, 'v', Natives.cString("t")));
        long v = readUint64();
        check("exit v", SdBus.exitContainer(message));
        return v;
    }

    /** @return the next value, a variant holding a {@code b} (a property's value) */
    public boolean readVariantBoolean() throws DbusException {
        check("enter v", SdBus.enterContainer(message, 'v', Natives.cString("b")));
        boolean v = readBoolean();
        check("exit v", SdBus.exitContainer(message));
        return v;
    }

    /** Closes a descriptor from {@link #readFileDescriptor}; never throws. */
    public static void closeFileDescriptor(int fd) {
        LibC.close(fd);
    }

    /**
     * @return the next value, of type {@code a{sv}}: the entries whose value is of a basic type
     *     this reader knows ({@code u}, {@code b}, {@code s}, {@code o}); others are skipped
     */
    public Map<String, Object> readVardict() throws DbusException {
        Map<String, Object> entries = new HashMap<>();
        check("enter a{sv}", SdBus.enterContainer(message, 'a', Natives.cString("{sv}")));
        byte[] entry = Natives.cString("sv");
        while (check("enter {sv}", SdBus.enterContainer(message, 'e', entry)) > 0) {
            String key = readString('s');
            check("peek", SdBus.peekType(message, wide));
            String type = wide[0] == 0 ? "" : Natives.string(wide[0]);
            byte[] contents = Natives.cString(type);
            check("enter v", SdBus.enterContainer(message, 'v', contents));
            switch (type) {
                case "u" -> entries.put(key, readUint32());
                case "b" -> entries.put(key, readBoolean());
                case "s", "o" -> entries.put(key, readString(type.charAt(0)));
                default -> check("skip", SdBus.skip(message, contents));
            }
            check("exit v", SdBus.exitContainer(message));
            check("exit {sv}", SdBus.exitContainer(message));
        }
        check("exit a{sv}", SdBus.exitContainer(message));
        return entries;
    }

    private void read(char type, Object into) throws DbusException {
        int r = SdBus.readBasic(message, type, into);
        if (r <= 0) {
            throw new DbusException("cannot read a value of type " + type + " (" + (r == 0 ? "none left" : "errno " + -r) + ")");
        }
    }

    static int check(String what, int result) throws DbusException {
        if (result < 0) {
            throw new DbusException(what + ": errno " + -result);
        }
        return result;
    }

    @Override
    public void close() {
        if (owned) {
            SdBus.unref(message);
        }
    }
}
