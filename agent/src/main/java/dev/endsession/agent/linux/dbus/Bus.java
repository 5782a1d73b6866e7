package dev.endsession.agent.linux.dbus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One connection to a message bus through sd-bus. Not thread-safe: it is used by the thread that
 * opened it until the {@link EventLoop} starts, then only on the loop's thread. Signals are matched
 * here, not by sd-bus callbacks (a JNA callback would start JNA's cleaner thread, {@link Natives}).
 */
public final class Bus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");
    /** A method call waits this long for its reply (sd-bus's default is 25 s). */
    private static final long CALL_TIMEOUT_USEC = 3_000_000L;
    /** {@code EBADR}: sd-bus's errno for an unknown method, the answer to any method called on this client. */
    private static final int EBADR = 53;

    /** Which bus. */
    public enum Kind { SESSION, SYSTEM }

    /** Called with each matching signal, on the loop's thread. */
    public interface SignalHandler {
        /** @param signal valid during this call only */
        void on(Message signal) throws DbusException;
    }

    /** A subscription: {@code null} parts match any. The sender is the bus's to check (a well-known name). */
    private record Match(String path, String iface, String member, SignalHandler handler) {
        boolean matches(String p, String i, String m) {
            return (path == null || path.equals(p)) && (iface == null || iface.equals(i)) && (member == null || member.equals(m));
        }
    }

    private final Kind kind;
    private long bus;
    private final List<Match> matches = new ArrayList<>();
    private final long[] received = new long[1];
    private final byte[] type = new byte[1];
    private final long[] usec = new long[1];

    private Bus(Kind kind, long bus) {
        this.kind = kind;
        this.bus = bus;
    }

    /** @return a new connection to the session bus ({@code DBUS_SESSION_BUS_ADDRESS}) or the system bus */
    public static Bus open(Kind kind) throws DbusException {
        long[] opened = new long[1];
        int r = kind == Kind.SESSION ? SdBus.openUser(opened) : SdBus.openSystem(opened);
        if (r < 0) {
            throw DbusException.of("connecting to the " + kind.name().toLowerCase(Locale.ROOT) + " bus", r, null);
        }
        SdBus.setMethodCallTimeout(opened[0], CALL_TIMEOUT_USEC);
        return new Bus(kind, opened[0]);
    }

    /** @return which bus this is */
    public Kind kind() {
        return kind;
    }

    /**
     * Calls a method and waits for its reply.
     *
     * @param types the arguments' signature, {@link Arguments} says how each is given
     * @return the reply, to read and close
     */
    public Message call(String destination, String path, String iface, String member, String types, Object... args)
            throws DbusException {
        long[] out = new long[1];
        int r = SdBus.newMethodCall(bus, out, Natives.cString(destination), Natives.cString(path), Natives.cString(iface),
                Natives.cString(member));
        if (r < 0) {
            throw DbusException.of(member, r, null);
        }
        long call = out[0];
        long[] error = new long[3];
        try {
            Arguments.append(call, types, args);
            r = SdBus.call(bus, call, 0, error, out);
        } finally {
            SdBus.unref(call);
        }
        if (r < 0) {
            String name = Natives.string(error[0]);
            String text = Natives.string(error[1]);
            SdBus.errorFree(error);
            throw DbusException.of(member, r, name == null ? null : name + (text == null ? "" : ": " + text));
        }
        return new Message(out[0], true);
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
        long[] name = new long[1];
        int r = SdBus.uniqueName(bus, name);
        if (r < 0) {
            throw DbusException.of("unique name", r, null);
        }
        return Natives.string(name[0]);
    }

    /** Subscribes {@code handler} to the signals that match (the bus's {@code AddMatch}); {@code null} matches any. */
    public void onSignal(String sender, String path, String iface, String member, SignalHandler handler) throws DbusException {
        StringBuilder rule = new StringBuilder("type='signal'");
        rule(rule, "sender", sender);
        rule(rule, "path", path);
        rule(rule, "interface", iface);
        rule(rule, "member", member);
        send("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "AddMatch", "s", rule.toString());
        matches.add(new Match(path, iface, member, handler));
    }

    private static void rule(StringBuilder rule, String key, String value) {
        if (value != null) {
            rule.append(',').append(key).append("='").append(value).append('\'');
        }
    }

    /** Runs every handler of what has arrived; returns when nothing is left to do without waiting. */
    void processAll() {
        int r;
        do {
            received[0] = 0;
            r = SdBus.process(bus, received);
            if (received[0] != 0) {
                dispatch(received[0]);
            }
        } while (r > 0);
        if (r < 0) {
            LOG.debug("The {} bus connection failed (errno {})", kind, -r);
        }
    }

    private void dispatch(long message) {
        try {
            SdBus.type(message, type);
            if (type[0] == SdBus.SIGNAL) {
                String path = Natives.string(SdBus.path(message));
                String iface = Natives.string(SdBus.iface(message));
                String member = Natives.string(SdBus.member(message));
                for (Match match : matches) {
                    if (match.matches(path, iface, member)) {
                        handle(match, new Message(message, false), member);
                        break; // one handler reads a signal: the protocols' matches never overlap
                    }
                }
            } else if (type[0] == SdBus.METHOD_CALL) {
                SdBus.replyMethodErrno(message, EBADR); // this client has no methods
            }
        } finally {
            SdBus.unref(message);
        }
    }

    private static void handle(Match match, Message signal, String member) {
        try {
            match.handler().on(signal);
        } catch (DbusException | RuntimeException e) {
            LOG.debug("Handling {} failed: {}", Objects.requireNonNullElse(match.member(), member), e.toString());
        }
    }

    int fd() {
        return SdBus.fd(bus);
    }

    short events() {
        int r = SdBus.events(bus);
        return r < 0 ? 0 : (short) r;
    }

    /** @return milliseconds until sd-bus needs to run again (an auth or call timeout), or -1 for never */
    int timeoutMillis() {
        if (SdBus.timeout(bus, usec) < 0 || usec[0] == -1L) {
            return -1;
        }
        long left = usec[0] * 1000 - System.nanoTime(); // both CLOCK_MONOTONIC on Linux
        return left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, left / 1_000_000 + 1);
    }

    @Override
    public void close() {
        if (bus != 0) {
            SdBus.flushCloseUnref(bus);
            bus = 0;
        }
    }
}
