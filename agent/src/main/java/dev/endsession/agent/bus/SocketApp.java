package dev.endsession.agent.bus;

import dev.endsession.agent.bus.wire.FrameIO;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.bus.wire.WireException;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * An app on the session bus, reached through its endpoint's socket. One connection per app for
 * the whole round: the connection is the round's lease. One request at a time.
 */
public final class SocketApp implements App {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final Message.Info info;

    private SocketApp(SocketChannel channel, Message.Info info) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
        this.info = info;
    }

    /**
     * Connects and says hello.
     *
     * @param address the app's socket
     * @return the connected app
     * @throws IOException if nobody listens there or the reply is not an {@link Message.Info}
     */
    public static SocketApp connect(Endpoint.Address address) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(address.socket()));
            InputStream in = Channels.newInputStream(channel);
            FrameIO.write(Channels.newOutputStream(channel), new Message.Hello());
            Message.Info info = expect(FrameIO.read(in), Message.Info.class);
            return new SocketApp(channel, info);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @return what the app said about itself when it was reached */
    public Message.Info info() {
        return info;
    }

    @Override
    public long pid() {
        return info.pid();
    }

    @Override
    public String name() {
        return info.name();
    }

    @Override
    public int level() {
        return info.level();
    }

    @Override
    public boolean service() {
        return info.service();
    }

    @Override
    public Answer query(Set<Reason> reasons, Duration timeout) throws IOException {
        Message.Answer answer = ask(new Message.Query(reasons, timeout.toMillis(), true), Message.Answer.class);
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
        Optional<ProcessHandle> process = ProcessHandle.of(pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        if (ask) {
            try {
                ask(new Message.Exit(), Message.Ack.class);
            } catch (IOException e) {
                // it may already be on its way out; the wait below tells
            }
            if (Processes.awaitGone(process.get(), grace)) {
                return true;
            }
        }
        process.get().destroyForcibly();
        return Processes.awaitGone(process.get(), grace);
    }

    @Override
    public boolean alive() {
        return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
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
        FrameIO.write(out, request);
        return expect(FrameIO.read(in), reply);
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
