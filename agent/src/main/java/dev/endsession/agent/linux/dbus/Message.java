package dev.endsession.agent.linux.dbus;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.HashMap;
import java.util.Map;

/**
 * A received D-Bus message (a signal or a call's reply), read value by value in its signature's
 * order. Valid only during the handler it was given to, or until {@link #close()} for a reply.
 * Not thread-safe: the event loop's thread only.
 */
public final class Message implements AutoCloseable {

    private final Pointer message;
    private final boolean owned;
    private final Memory value = new Memory(8);

    Message(Pointer message, boolean owned) {
        this.message = message;
        this.owned = owned;
    }

    /** @return the signal's or call's member name */
    public String member() {
        return Natives.SD.sd_bus_message_get_member(message);
    }

    /** @return the next value, of type {@code s} or {@code o} */
    public String readString(char type) throws DbusException {
        read(type);
        return value.getPointer(0).getString(0);
    }

    /** @return the next value, of type {@code b}, as sd-bus gives it (an int) */
    public boolean readBoolean() throws DbusException {
        read('b');
        return value.getInt(0) != 0;
    }

    /** @return the next value, of type {@code u} */
    public long readUint32() throws DbusException {
        read('u');
        return Integer.toUnsignedLong(value.getInt(0));
    }

    /** @return the next value, of type {@code t} */
    public long readUint64() throws DbusException {
        read('t');
        return value.getLong(0);
    }

    /**
     * @return a duplicate (close-on-exec) of the next value, of type {@code h}: the message owns the
     *     original and closes it with itself, so the caller owns and must close the copy
     */
    public int readFileDescriptor() throws DbusException {
        read('h');
        int copy = Natives.C.fcntl(value.getInt(0), LibC.F_DUPFD_CLOEXEC, 3);
        if (copy < 0) {
            throw new DbusException("cannot keep the received file descriptor");
        }
        return copy;
    }

    /** @return the next value, a variant holding a {@code t} (a property's value) */
    public long readVariantUint64() throws DbusException {
        check("enter v", Natives.SD.sd_bus_message_enter_container(message, (byte) 'v', "t"));
        long v = readUint64();
        check("exit v", Natives.SD.sd_bus_message_exit_container(message));
        return v;
    }

    /** Closes a descriptor from {@link #readFileDescriptor}; never throws. */
    public static void closeFileDescriptor(int fd) {
        Natives.C.close(fd);
    }

    /**
     * @return the next value, of type {@code a{sv}}: the entries whose value is of a basic type
     *     this reader knows ({@code u}, {@code b}, {@code s}, {@code o}); others are skipped
     */
    public Map<String, Object> readVardict() throws DbusException {
        Map<String, Object> entries = new HashMap<>();
        check("enter a{sv}", Natives.SD.sd_bus_message_enter_container(message, (byte) 'a', "{sv}"));
        while (check("enter {sv}", Natives.SD.sd_bus_message_enter_container(message, (byte) 'e', "sv")) > 0) {
            String key = readString('s');
            PointerByReference contents = new PointerByReference();
            check("peek", Natives.SD.sd_bus_message_peek_type(message, null, contents));
            String type = contents.getValue() == null ? "" : contents.getValue().getString(0);
            check("enter v", Natives.SD.sd_bus_message_enter_container(message, (byte) 'v', type));
            switch (type) {
                case "u" -> entries.put(key, readUint32());
                case "b" -> entries.put(key, readBoolean());
                case "s", "o" -> entries.put(key, readString(type.charAt(0)));
                default -> check("skip", Natives.SD.sd_bus_message_skip(message, type));
            }
            check("exit v", Natives.SD.sd_bus_message_exit_container(message));
            check("exit {sv}", Natives.SD.sd_bus_message_exit_container(message));
        }
        check("exit a{sv}", Natives.SD.sd_bus_message_exit_container(message));
        return entries;
    }

    private void read(char type) throws DbusException {
        int r = Natives.SD.sd_bus_message_read_basic(message, (byte) type, value);
        if (r <= 0) {
            throw new DbusException("cannot read a value of type " + type + " (" + (r == 0 ? "none left" : "errno " + -r) + ")");
        }
    }

    private static int check(String what, int result) throws DbusException {
        if (result < 0) {
            throw new DbusException(what + ": errno " + -result);
        }
        return result;
    }

    @Override
    public void close() {
        if (owned) {
            Natives.SD.sd_bus_message_unref(message);
        }
    }
}
