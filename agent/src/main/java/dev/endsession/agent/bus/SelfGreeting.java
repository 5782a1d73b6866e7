package dev.endsession.agent.bus;

import dev.endsession.agent.bus.wire.FrameCodec;
import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.FrameWriter;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The endpoint's warm-up, by running the real code once as soon as it serves: it greets itself (a
 * {@code Hello} and its answer through the real socket: the accept, the peer check, a connection
 * thread, the frame code), encodes and decodes a round's messages, and rehearses a round on a
 * coordinator of its own ({@link Coordinator#rehearse()}). Without it an app's first round loaded
 * some 40 classes and bound its lambdas while the user waited (bench/README.md has the figures).
 * Nothing changes state: a hello only reads it. Runs on a connection thread; at debug level it
 * leaves one line.
 */
final class SelfGreeting implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

    /** A round's messages besides the greeting's. */
    private static final List<Message> ROUND = List.of(new Message.Query(Set.of(Reason.LOGOFF), 5000, false),
            new Message.Answer(false, List.of(), List.of()), new Message.End(Set.of(Reason.LOGOFF), false, 5000),
            new Message.Ended(List.of(), List.of(), List.of(), 0));

    private final Path socket;
    private final Watchdog watchdog;

    SelfGreeting(Path socket, Watchdog watchdog) {
        this.socket = socket;
        this.watchdog = watchdog;
    }

    @Override
    public void run() {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            Watchdog.Deadline deadline = watchdog.watch(channel);
            deadline.reading(Connections.FIRST_FRAME);
            try {
                new FrameWriter(channel, ByteBuffer.allocate(Connections.BUFFER)).write(new Message.Hello());
                Message reply = new FrameReader(channel, ByteBuffer.allocate(Connections.BUFFER)).read();
                LOG.debug("The endpoint greeted itself: {}", reply == null ? "no answer" : "answered");
                for (Message message : ROUND) {
                    FrameCodec.decode(FrameCodec.encode(message));
                }
            } finally {
                deadline.stop();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("The endpoint could not greet itself: {}", e.toString());
        }
        Coordinator.rehearse();
    }
}
