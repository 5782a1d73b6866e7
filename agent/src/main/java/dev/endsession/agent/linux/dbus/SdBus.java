package dev.endsession.agent.linux.dbus;

import com.sun.jna.Function;

/**
 * The functions of sd-bus ({@code libsystemd.so.0}, or {@code libelogind.so.0} where elogind replaces
 * systemd) this package calls, loaded on first use (by the bridge's start, never before; {@link Natives}
 * says how). Pointers are {@code long}s, C strings {@code byte[]}s from {@link Natives#cString},
 * out-parameters one-element arrays. None is variadic: JNA's variadic calls are slow. Negative results
 * are {@code -errno}. Not API.
 *
 * @see <a href="https://www.freedesktop.org/software/systemd/man/latest/sd-bus.html">sd-bus(3)</a>
 */
final class SdBus {

    /** {@code SD_BUS_MESSAGE_METHOD_CALL}, {@code SD_BUS_MESSAGE_SIGNAL}. */
    static final byte METHOD_CALL = 1;
    static final byte SIGNAL = 4;

    private static final long LIB = Natives.open("libsystemd.so.0", "libelogind.so.0");
    private static final Function OPEN_USER = fn("sd_bus_open_user");
    private static final Function OPEN_SYSTEM = fn("sd_bus_open_system");
    private static final Function FLUSH_CLOSE_UNREF = fn("sd_bus_flush_close_unref");
    private static final Function GET_FD = fn("sd_bus_get_fd");
    private static final Function GET_EVENTS = fn("sd_bus_get_events");
    private static final Function GET_TIMEOUT = fn("sd_bus_get_timeout");
    private static final Function PROCESS = fn("sd_bus_process");
    private static final Function SET_METHOD_CALL_TIMEOUT = fn("sd_bus_set_method_call_timeout");
    private static final Function GET_UNIQUE_NAME = fn("sd_bus_get_unique_name");
    private static final Function NEW_METHOD_CALL = fn("sd_bus_message_new_method_call");
    private static final Function APPEND_BASIC = fn("sd_bus_message_append_basic");
    private static final Function OPEN_CONTAINER = fn("sd_bus_message_open_container");
    private static final Function CLOSE_CONTAINER = fn("sd_bus_message_close_container");
    private static final Function CALL = fn("sd_bus_call");
    private static final Function REPLY_METHOD_ERRNO = fn("sd_bus_reply_method_errno");
    private static final Function MESSAGE_UNREF = fn("sd_bus_message_unref");
    private static final Function GET_TYPE = fn("sd_bus_message_get_type");
    private static final Function GET_PATH = fn("sd_bus_message_get_path");
    private static final Function GET_INTERFACE = fn("sd_bus_message_get_interface");
    private static final Function GET_MEMBER = fn("sd_bus_message_get_member");
    private static final Function READ_BASIC = fn("sd_bus_message_read_basic");
    private static final Function ENTER_CONTAINER = fn("sd_bus_message_enter_container");
    private static final Function EXIT_CONTAINER = fn("sd_bus_message_exit_container");
    private static final Function PEEK_TYPE = fn("sd_bus_message_peek_type");
    private static final Function SKIP = fn("sd_bus_message_skip");
    private static final Function ERROR_FREE = fn("sd_bus_error_free");

    private SdBus() {
    }

    private static Function fn(String name) {
        return Natives.function(LIB, name);
    }

    private static int i(Function f, Object... args) {
        return f.invokeInt(args);
    }

    private static long p(Function f, Object... args) {
        return f.invokeLong(args);
    }

    static int openUser(long[] bus) {
        return i(OPEN_USER, bus);
    }

    static int openSystem(long[] bus) {
        return i(OPEN_SYSTEM, bus);
    }

    static void flushCloseUnref(long bus) {
        p(FLUSH_CLOSE_UNREF, bus);
    }

    static int fd(long bus) {
        return i(GET_FD, bus);
    }

    static int events(long bus) {
        return i(GET_EVENTS, bus);
    }

    static int timeout(long bus, long[] usec) {
        return i(GET_TIMEOUT, bus, usec);
    }

    /** @param message receives a message no handler took (sd-bus runs none here: the bus dispatches), or 0 */
    static int process(long bus, long[] message) {
        return i(PROCESS, bus, message);
    }

    static int setMethodCallTimeout(long bus, long usec) {
        return i(SET_METHOD_CALL_TIMEOUT, bus, usec);
    }

    static int uniqueName(long bus, long[] name) {
        return i(GET_UNIQUE_NAME, bus, name);
    }

    static int newMethodCall(long bus, long[] message, byte[] destination, byte[] path, byte[] iface, byte[] member) {
        return i(NEW_METHOD_CALL, bus, message, destination, path, iface, member);
    }

    /** @param value a C string for {@code s}, {@code o}; an {@code int[1]} for {@code b}, {@code u}; a {@code long[1]} for {@code t} */
    static int appendBasic(long message, char type, Object value) {
        return i(APPEND_BASIC, message, (byte) type, value);
    }

    static int openContainer(long message, char type, byte[] contents) {
        return i(OPEN_CONTAINER, message, (byte) type, contents);
    }

    static int closeContainer(long message) {
        return i(CLOSE_CONTAINER, message);
    }

    /** @param error an {@code sd_bus_error}, three longs: name, message, need-free; free it with {@link #errorFree} */
    static int call(long bus, long message, long usec, long[] error, long[] reply) {
        return i(CALL, bus, message, usec, error, reply);
    }

    static int replyMethodErrno(long call, int errno) {
        return i(REPLY_METHOD_ERRNO, call, errno, 0L);
    }

    static void unref(long message) {
        p(MESSAGE_UNREF, message);
    }

    static int type(long message, byte[] type) {
        return i(GET_TYPE, message, type);
    }

    static long path(long message) {
        return p(GET_PATH, message);
    }

    static long iface(long message) {
        return p(GET_INTERFACE, message);
    }

    static long member(long message) {
        return p(GET_MEMBER, message);
    }

    /** @param value an {@code int[1]} for {@code b}, {@code u}, {@code h}; a {@code long[1]} for {@code t}, {@code s}, {@code o} (a pointer) */
    static int readBasic(long message, char type, Object value) {
        return i(READ_BASIC, message, (byte) type, value);
    }

    static int enterContainer(long message, char type, byte[] contents) {
        return i(ENTER_CONTAINER, message, (byte) type, contents);
    }

    static int exitContainer(long message) {
        return i(EXIT_CONTAINER, message);
    }

    static int peekType(long message, long[] contents) {
        return i(PEEK_TYPE, message, 0L, contents);
    }

    static int skip(long message, byte[] types) {
        return i(SKIP, message, types);
    }

    static void errorFree(long[] error) {
        ERROR_FREE.invokeVoid(new Object[] {error});
    }
}
