package dev.endsession.agent.linux.dbus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;

/**
 * One connection to a message bus: authentication ({@code EXTERNAL}), {@code Hello}, method calls
 * and their replies, and the signals it subscribed to. Not thread-safe: it is used by the thread
 * that opened it until the {@link EventLoop} starts, then only on the loop's thread. A call that
 * meets a signal on its way keeps it for {@link #processAll}.
 *
 * @see <a href="https://dbus.freedesktop.org/doc/dbus-specification.html">D-Bus specification</a>
 */
public final class Bus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");
    /** A method call waits this long for its reply (sd-bus's and GDBus's default is 25 s). */
    static final long CALL_TIMEOUT_MS = 3_000;
    private static final String DBUS = "org.freedesktop.DBus";
    private static final String DBUS_PATH = "/org/freedesktop/DBus";

    /** Which bus. */
    public enum Kind { SESSION, SYSTEM }

    /** Called with each matching signal, on the loop's thread. */
    public interface SignalHandler {
        /** @param signal valid during this call only */
        void on(Message signal) throws DbusException;
    }

    /** A subscription: {@code null} parts match any. The sender is the bus's to check (a well-known name). */
    private record Match(String path, String iface, String member, SignalHandler handler) {
        boolean matches(Message m) {
            return (path == null || path.equals(m.path())) && (iface == null || iface.equals(m.iface()))
                    && (member == null || member.equals(m.member()));
        }
    }

    private final Kind kind;
    private final Transport transport;
    private final List<Match> matches = new ArrayList<>();
    private final Queue<Message> pending = new ArrayDeque<>();
    private final Incoming incoming = new Incoming();
    private long serial;
    private String uniqueName;
    private boolean lost;

    private Bus(Kind kind, Transport transport) {
        this.kind = kind;
        this.transport = transport;
    }

    /** @return a new connection to the session bus or the system bus, through the JDK (no native code) */
    public static Bus open(Kind kind) throws DbusException {
        return open(kind, false);
    }

    /** @return a new connection that receives file descriptors (through libc: JNA is loaded) */
    public static Bus openForFileDescriptors(Kind kind) throws DbusException {
        return open(kind, true);
    }

    private static Bus open(Kind kind, boolean withFds) throws DbusException {
        Path socket = Address.of(kind, System.getenv());
        try {
            Transport transport = withFds ? FdTransport.connect(socket, CALL_TIMEOUT_MS) : ChannelTransport.connect(socket, CALL_TIMEOUT_MS);
            return hello(new Bus(kind, transport), withFds);
        } catch (IOException e) {
            throw new DbusException("connecting to the " + name(kind) + " bus at " + socket + " failed: " + e.getMessage());
        }
    }

    private static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Authenticates as this process's user and says {@code Hello}, all in one write (as sd-bus does). */
    private static Bus hello(Bus bus, boolean withFds) throws DbusException {
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            StringBuilder hex = new StringBuilder(); // the uid's decimal digits, each as two hex digits
            for (byte b : Integer.toString(uid).getBytes(StandardCharsets.US_ASCII)) {
                hex.append(Integer.toHexString(b));
            }
            String commands = "\0AUTH EXTERNAL " + hex + "\r\n" + (withFds ? "NEGOTIATE_UNIX_FD\r\n" : "") + "BEGIN\r\n";
            byte[] auth = commands.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer hello = MessageWriter.methodCall(++bus.serial, DBUS, DBUS_PATH, DBUS, "Hello", "");
            bus.transport.write(ByteBuffer.allocate(auth.length + hello.remaining()).put(auth).put(hello).flip(), CALL_TIMEOUT_MS);
            bus.expectLine("OK ");
            if (withFds) {
                bus.expectLine("AGREE_UNIX_FD");
            }
            try (Message reply = bus.reply(bus.serial, "Hello")) {
                bus.uniqueName = reply.readString('s');
            }
            return bus;
        } catch (IOException | DbusException | RuntimeException e) {
            bus.close();
            throw e instanceof DbusException d ? d : new DbusException("authenticating: " + e);
        }
    }

    private void expectLine(String start) throws IOException, DbusException {
        long deadline = System.nanoTime() + CALL_TIMEOUT_MS * 1_000_000;
        String line;
        while ((line = incoming.line()) == null) {
            fill(deadline, "authenticating");
        }
        if (!line.startsWith(start)) {
            throw new DbusException("the bus refused us: " + line);
        }
    }

    /**
     * Calls a method and waits for its reply.
     *
     * @param types the arguments' signature, {@link MessageWriter} says how each is given
     * @return the reply, to read and close
     */
    public Message call(String destination, String path, String iface, String member, String types, Object... args)
            throws DbusException {
        if (lost) {
            throw new DbusException(member + " failed: the " + name(kind) + " bus connection is lost");
        }
        long id = ++serial;
        try {
            transport.write(MessageWriter.methodCall(id, destination, path, iface, member, types, args), CALL_TIMEOUT_MS);
        } catch (IOException e) {
            lose(e.toString());
            throw new DbusException(member + " failed: " + e.getMessage());
        }
        return reply(id, member);
    }

    private Message reply(long id, String member) throws DbusException {
        long deadline = System.nanoTime() + CALL_TIMEOUT_MS * 1_000_000;
        while (true) {
            for (Message m; (m = next()) != null; ) {
                if ((m.type() == Message.METHOD_RETURN || m.type() == Message.ERROR) && m.replySerial() == id) {
                    if (m.type() == Message.ERROR) {
                        String error = m.error();
                        m.close();
                        throw new DbusException(member + " failed: " + error);
                    }
                    return m;
                }
                pending.add(m);
            }
            try {
                fill(deadline, member);
            } catch (IOException e) {
                lose(e.toString());
                throw new DbusException(member + " failed: " + e.getMessage());
            }
        }
    }

    /** Reads more, waiting at most until {@code deadline}. */
    private void fill(long deadline, String what) throws IOException, DbusException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new DbusException(what + " failed: no answer in " + CALL_TIMEOUT_MS + " ms");
        }
        if (incoming.readFrom(transport, left) < 0) {
            throw new IOException("the bus closed the connection");
        }
    }

    /** @return the next whole message read, or {@code null} */
    private Message next() throws DbusException {
        try {
            return incoming.next(name(kind));
        } catch (IllegalArgumentException e) {
            lose(e.getMessage());
            throw new DbusException("the " + name(kind) + " bus sent what is no D-Bus message: " + e.getMessage());
        }
    }

    /** As {@link #call}, the reply dropped. */
    public void send(String destination, String path, String iface, String member, String types, Object... args)
            throws DbusException {
        call(destination, path, iface, member, types, args).close();
    }

    /** @return whether some connection owns {@code name} on this bus now */
    public boolean hasOwner(String name) throws DbusException {
        try (Message reply = call(DBUS, DBUS_PATH, DBUS, "NameHasOwner", "s", name)) {
            return reply.readBoolean();
        }
    }

    /** @return this connection's unique name, e.g. {@code :1.42} */
    public String uniqueName() {
        return uniqueName;
    }

    /** Subscribes {@code handler} to the signals that match (the bus's {@code AddMatch}); {@code null} matches any. */
    public void onSignal(String sender, String path, String iface, String member, SignalHandler handler) throws DbusException {
        StringBuilder rule = new StringBuilder("type='signal'");
        rule(rule, "sender", sender);
        rule(rule, "path", path);
        rule(rule, "interface", iface);
        rule(rule, "member", member);
        send(DBUS, DBUS_PATH, DBUS, "AddMatch", "s", rule.toString());
        matches.add(new Match(path, iface, member, handler));
    }

    private static void rule(StringBuilder rule, String key, String value) {
        if (value != null) {
            rule.append(',').append(key).append("='").append(value).append('\'');
        }
    }

    /** Lets the event loop wait on this connection. */
    void register(Selector loop) throws IOException {
        ((ChannelTransport) transport).register(loop);
    }

    /** Runs every handler of what has arrived; returns when nothing is left to do without waiting. */
    void processAll() {
        try {
            while (!lost) {
                int n = incoming.readFrom(transport, 0);
                if (n < 0) {
                    lose("the bus closed the connection");
                }
                if (n <= 0) {
                    break;
                }
            }
            for (Message m; (m = next()) != null; ) {
                pending.add(m);
            }
        } catch (IOException | DbusException e) {
            lose(e.getMessage());
        }
        for (Message m; (m = pending.poll()) != null; ) {
            dispatch(m);
            m.close();
        }
    }

    private void dispatch(Message message) {
        if (message.type() == Message.SIGNAL) {
            for (Match match : matches) {
                if (match.matches(message)) {
                    handle(match, message);
                    return; // one handler reads a signal: the protocols' matches never overlap
                }
            }
        } else if (message.wantsReply()) {
            try { // this client has no methods
                transport.write(MessageWriter.error(++serial, message, "org.freedesktop.DBus.Error.UnknownMethod"), CALL_TIMEOUT_MS);
            } catch (IOException e) {
                lose(e.toString());
            }
        }
    }

    private static void handle(Match match, Message signal) {
        try {
            match.handler().on(signal);
        } catch (DbusException | RuntimeException e) {
            LOG.debug("Handling {} failed: {}", Objects.requireNonNullElse(match.member(), signal.member()), e.toString());
        }
    }

    private void lose(String why) {
        if (!lost) {
            lost = true;
            LOG.debug("The {} bus connection failed: {}", name(kind), why);
            transport.close(); // the event loop stops waiting on it
        }
    }

    @Override
    public void close() {
        if (!lost) {
            lost = true;
            transport.close();
        }
        incoming.close();
        pending.forEach(Message::close);
        pending.clear();
    }
}
