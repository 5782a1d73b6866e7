package dev.endsession.agent.linux.dbus;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection to a message bus through sd-bus. Not thread-safe: it is used by the thread that
 * opened it until the {@link EventLoop} starts, then only on the loop's thread.
 */
public final class Bus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");
    /** A method call waits this long for its reply (sd-bus's default is 25 s). */
    private static final long CALL_TIMEOUT_USEC = 3_000_000L;

    /** Which bus. */
    public enum Kind { SESSION, SYSTEM }

    /** Called with each matching signal, on the loop's thread. */
    public interface SignalHandler {
        /** @param signal valid during this call only */
        void on(Message signal) throws DbusException;
    }

    private final Kind kind;
    private Pointer bus;
    private final List<SdBus.Handler> handlers = new ArrayList<>(); // JNA callbacks must stay reachable

    private Bus(Kind kind, Pointer bus) {
        this.kind = kind;
        this.bus = bus;
    }

    /** @return a new connection to the session bus ({@code DBUS_SESSION_BUS_ADDRESS}) or the system bus */
    public static Bus open(Kind kind) throws DbusException {
        PointerByReference opened = new PointerByReference();
        int r = kind == Kind.SESSION ? Natives.SD.sd_bus_open_user(opened) : Natives.SD.sd_bus_open_system(opened);
        if (r < 0) {
            throw DbusException.of("connecting to the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " bus", r, null);
        }
        Natives.SD.sd_bus_set_method_call_timeout(opened.getValue(), CALL_TIMEOUT_USEC);
        return new Bus(kind, opened.getValue());
    }

    /** @return which bus this is */
    public Kind kind() {
        return kind;
    }

    /**
     * Calls a method and waits for its reply.
     *
     * @param types the arguments' signature; booleans are passed as {@code int}, {@code u} as {@code int}
     * @return the reply, to read and close
     */
    public Message call(String destination, String path, String iface, String member, String types, Object... args)
            throws DbusException {
        BusError error = new BusError();
        PointerByReference reply = new PointerByReference();
        int r = Natives.SD.sd_bus_call_method(bus, destination, path, iface, member, error, reply, types, args);
        if (r < 0) {
            DbusException failed = DbusException.of(member, r, error);
            Natives.SD.sd_bus_error_free(error);
            throw failed;
        }
        return new Message(reply.getValue(), true);
    }

    /** As {@link #call}, the reply dropped. */
    public void send(String destination, String path, String iface, String member, String types, Object... args)
            throws DbusException {
        call(destination, path, iface, member, types, args).close();
    }

    /** @return whether some connection owns {@code name} on this bus now */
    public boolean hasOwner(String name) throws DbusException {
        try (Message reply = call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner", "s", name)) {
            return reply.readBoolean();
        }
    }

    /** @return this connection's unique name, e.g. {@code :1.42} */
    public String uniqueName() throws DbusException {
        PointerByReference name = new PointerByReference();
        int r = Natives.SD.sd_bus_get_unique_name(bus, name);
        if (r < 0) {
            throw DbusException.of("unique name", r, null);
        }
        return name.getValue().getString(0);
    }

    /** Subscribes {@code handler} to the signals that match; {@code null} matches any. */
    public void onSignal(String sender, String path, String iface, String member, SignalHandler handler) throws DbusException {
        SdBus.Handler callback = new Dispatch(member, handler);
        int r = Natives.SD.sd_bus_match_signal(bus, null, sender, path, iface, member, callback, null);
        if (r < 0) {
            throw DbusException.of("subscribing to " + member, r, null);
        }
        handlers.add(callback);
    }

    /** Runs every handler of what has arrived; returns when nothing is left to do without waiting. */
    void processAll() {
        int r;
        do {
            r = Natives.SD.sd_bus_process(bus, null);
        } while (r > 0);
        if (r < 0) {
            LOG.debug("The {} bus connection failed (errno {})", kind, -r);
        }
    }

    int fd() {
        return Natives.SD.sd_bus_get_fd(bus);
    }

    short events() {
        int r = Natives.SD.sd_bus_get_events(bus);
        return r < 0 ? 0 : (short) r;
    }

    /** @return milliseconds until sd-bus needs to run again (an auth or call timeout), or -1 for never */
    int timeoutMillis() {
        LongByReference usec = new LongByReference();
        if (Natives.SD.sd_bus_get_timeout(bus, usec) < 0 || usec.getValue() == -1L) {
            return -1;
        }
        long left = usec.getValue() * 1000 - System.nanoTime(); // both CLOCK_MONOTONIC on Linux
        return left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, left / 1_000_000 + 1);
    }

    @Override
    public void close() {
        if (bus != null) {
            Natives.SD.sd_bus_flush_close_unref(bus);
            bus = null;
        }
    }

    /** The JNA callback of one match: a handler that throws is logged and the loop goes on. */
    private static final class Dispatch implements SdBus.Handler {
        private final String member;
        private final SignalHandler handler;

        Dispatch(String member, SignalHandler handler) {
            this.member = member;
            this.handler = handler;
        }

        @Override
        public int invoke(Pointer message, Pointer userdata, Pointer error) {
            try {
                handler.on(new Message(message, false));
            } catch (DbusException | RuntimeException e) {
                LOG.debug("Handling {} failed: {}", member, e.toString());
            }
            return 0;
        }
    }
}
