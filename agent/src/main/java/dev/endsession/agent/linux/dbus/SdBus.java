package dev.endsession.agent.linux.dbus;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The functions of sd-bus ({@code libsystemd.so.0}, or {@code libelogind.so.0} where elogind replaces
 * systemd) this project calls. Not API. Negative results are {@code -errno}.
 *
 * @see <a href="https://www.freedesktop.org/software/systemd/man/latest/sd-bus.html">sd-bus(3)</a>
 */
interface SdBus extends Library {

    /** {@code sd_bus_message_handler_t}; kept strongly referenced while its match exists. */
    interface Handler extends Callback {
        int invoke(Pointer message, Pointer userdata, Pointer error);
    }

    int sd_bus_open_user(PointerByReference bus);

    int sd_bus_open_system(PointerByReference bus);

    Pointer sd_bus_flush_close_unref(Pointer bus);

    int sd_bus_get_fd(Pointer bus);

    int sd_bus_get_events(Pointer bus);

    int sd_bus_get_timeout(Pointer bus, LongByReference usec);

    int sd_bus_process(Pointer bus, PointerByReference message);

    int sd_bus_set_method_call_timeout(Pointer bus, long usec);

    int sd_bus_get_unique_name(Pointer bus, PointerByReference name);

    int sd_bus_call_method(Pointer bus, String destination, String path, String iface, String member,
            BusError error, PointerByReference reply, String types, Object... args);

    int sd_bus_match_signal(Pointer bus, PointerByReference slot, String sender, String path, String iface,
            String member, Handler callback, Pointer userdata);

    int sd_bus_message_read_basic(Pointer message, byte type, Pointer value);

    int sd_bus_message_enter_container(Pointer message, byte type, String contents);

    int sd_bus_message_exit_container(Pointer message);

    int sd_bus_message_peek_type(Pointer message, Pointer type, PointerByReference contents);

    int sd_bus_message_skip(Pointer message, String types);

    Pointer sd_bus_message_unref(Pointer message);

    String sd_bus_message_get_member(Pointer message);

    void sd_bus_error_free(BusError error);
}
