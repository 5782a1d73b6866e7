package dev.endsession.agent.bus;

import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.FrameWriter;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.bus.wire.WireException;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * An app on the session bus, reached through its endpoint's socket. One connection per app for
 * the whole round: the connection is the round's lease. One request at a time.
 */
public final class SocketApp implements App {

    /** The level assumed for an app that never said what its level is (Windows' default). */
    static final int DEFAULT_LEVEL = 0x280;

    /** Each direct buffer: replies are small; a bigger one still works. */
    private static final int BUFFER = 1024;

    private final SocketChannel channel;
    private final FrameReader in;
    private final FrameWriter out;
    private final Endpoint.Address address;
    private volatile Message.Info info;
    private volatile Message.Info standIn;
    private volatile VerifiedProcess verified; // null: never signalled

    private SocketApp(SocketChannel channel, Endpoint.Address address) {
        this.channel = channel;
        this.in = new FrameReader(channel, ByteBuffer.allocateDirect(BUFFER));
        this.out = new FrameWriter(channel, ByteBuffer.allocateDirect(BUFFER));
        this.address = address;
    }

    /**
     * Connects to an endpoint (a Unix socket connects at once or is refused).
     *
     * @param address the app's socket
     * @return the connected app; call {@link #hello()} next
     * @throws java.net.ConnectException if nobody listens there (a stale socket)
     */
    public static SocketApp open(Endpoint.Address address) throws IOException {
        SocketApp app = unconnected(address);
        try {
            app.connect();
            return app;
        } catch (IOException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** @return an app not connected yet: {@link #connect()} next (on the thread that may wait for it) */
    static SocketApp unconnected(Endpoint.Address address) throws IOException {
        return new SocketApp(SocketChannel.open(StandardProtocolFamily.UNIX), address);
    }

    /** Connects; blocks only while the endpoint's backlog is full. */
    void connect() throws IOException {
        channel.connect(UnixDomainSocketAddress.of(address.socket()));
    }

    /** @return {@code true} once connected, until closed */
    boolean connected() {
        return channel.isConnected();
    }

    /**
     * Checks the socket entry ({@link SessionDirectory#unsafeEntry}), connects, proves the process
     * behind it ({@link PeerCheck}), then says hello: the app must say the pid its socket's name says.
     *
     * @return what the app said
     * @throws RefusedPeerException if the entry or the peer is not what its name says
     */
    Message.Info reach(PeerCheck check) throws IOException {
        String unsafe = SessionDirectory.unsafeEntry(address.socket());
        if (unsafe != null) {
            throw new RefusedPeerException(unsafe);
        }
        connect();
        verified = check.verify(channel, pid());
        Message.Info said = hello();
        if (said.pid() != pid()) {
            verified = null;
            throw new RefusedPeerException("the app there says it is pid " + said.pid());
        }
        return said;
    }

    /** Asks the app who it is; blocks until it answers. @return what it said */
    public Message.Info hello() throws IOException {
        info = ask(new Message.Hello(), Message.Info.class);
        return info;
    }

    /**
     * @return what the app said about itself; for an app that never answered {@link #hello()}, a
     *     stand-in with its pid, the name its command line gives, state {@code not-responding} and the default level
     */
    public Message.Info info() {
        Message.Info said = info;
        if (said != null) {
            return said;
        }
        Message.Info standIn = this.standIn;
        if (standIn == null) { // read once: the command line of a frozen process does not change
            String name = ProcessNames.of(address.pid()).orElse("(not responding)");
            standIn = new Message.Info(address.pid(), name, DEFAULT_LEVEL, "not-responding", List.of(), false);
            this.standIn = standIn;
        }
        return standIn;
    }

    /** @return where the app listens */
    Endpoint.Address address() {
        return address;
    }

    @Override
    public long pid() {
        return address.pid();
    }

    @Override
    public String name() {
        return info().name();
    }

    @Override
    public int level() {
        return info().level();
    }

    @Override
    public boolean service() {
        return info().service();
    }

    @Override
    public Answer query(Set<Reason> reasons, Duration timeout) throws IOException {
        return query(reasons, timeout, true);
    }

    @Override
    public Answer query(Set<Reason> reasons, Duration timeout, boolean interactionAllowed) throws IOException {
        Message.Answer answer = ask(new Message.Query(reasons, timeout.toMillis(), interactionAllowed), Message.Answer.class);
        return new Answer(answer.vetoed(), answer.blockReasons(), answer.hungListeners());
    }

    @Override
    public Cleanup end(Set<Reason> reasons, boolean ending, Duration timeout) throws IOException {
        Message.Ended ended = ask(new Message.End(reasons, ending, timeout.toMillis()), Message.Ended.class);
        return new Cleanup(ended.finished(), ended.failed(), ended.overran(), ended.tookMillis());
    }

    @Override
    public boolean notice(Set<Reason> reasons, Duration timeout) throws IOException {
        return ask(new Message.Notice(reasons, timeout.toMillis()), Message.Ack.class).note().startsWith("exiting");
    }

    @Override
    public boolean terminate(boolean ask, Duration grace) {
        VerifiedProcess process = verified;
        if (process != null && process.gone()) {
            return true;
        }
        if (ask) {
            try {
                ask(new Message.Exit(), Message.Ack.class);
            } catch (IOException e) {
                // it may already be on its way out; the wait below tells
            }
        }
        if (process == null) { // never proved to be the pid its socket names (no /proc here): asked at most, never signalled
            return awaitExit(ask ? grace : Duration.ZERO);
        }
        if (ask && process.awaitGone(grace)) {
            return true;
        }
        if (process.handle().pid() == ProcessHandle.current().pid()) {
            return false; // the initiator's own JVM: it was asked; it cannot kill itself
        }
        process.kill();
        return process.awaitGone(grace);
    }

    @Override
    public boolean awaitExit(Duration grace) {
        VerifiedProcess process = verified;
        if (process != null) {
            return process.awaitGone(grace);
        }
        return ProcessHandle.of(pid()).map(handle -> Processes.awaitGone(handle, grace)).orElse(true);
    }

    @Override
    public boolean alive() {
        VerifiedProcess process = verified;
        if (process != null) {
            return !process.gone();
        }
        return ProcessHandle.of(pid()).map(handle -> !Processes.gone(handle)).orElse(false);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // hanging up cannot usefully fail
        }
    }

    private synchronized <T extends Message> T ask(Message request, Class<T> reply) throws IOException {
        if (info == null && !(request instanceof Message.Hello)) {
            throw new IOException("the app did not answer when it was first reached");
        }
        out.write(request);
        return expect(in.read(), reply);
    }

    private static <T extends Message> T expect(Message message, Class<T> type) throws IOException {
        if (message == null) {
            throw new IOException("the app hung up");
        }
        if (message instanceof Message.Failure failure) {
            throw new IOException("the app refused: " + failure.text());
        }
        if (!type.isInstance(message)) {
            throw new WireException("expected " + type.getSimpleName() + ", got " + message.getClass().getSimpleName());
        }
        return type.cast(message);
    }
}
