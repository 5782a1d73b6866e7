package dev.endsession.agent.bus;

import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.FrameWriter;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The endpoint greets itself once, as soon as it serves: a {@code Hello} and its answer through the
 * real socket, so the first round an initiator brings finds the accept, the peer check, a
 * connection thread and the frame code already run: the one warm-up, by running the real code
 * (bench/README.md has the figures). Nothing changes state: a hello only reads it. Runs on a
 * connection thread; at debug level it leaves one line.
 */
final class SelfGreeting implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

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
            Watchdog.Armed armed = watchdog.arm(channel, Connections.FIRST_FRAME);
            try {
                new FrameWriter(channel, ByteBuffer.allocate(Connections.BUFFER)).write(new Message.Hello());
                Message reply = new FrameReader(channel, ByteBuffer.allocate(Connections.BUFFER)).read();
                LOG.debug("The endpoint greeted itself: {}", reply == null ? "no answer" : "answered");
            } finally {
                armed.disarm();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("The endpoint could not greet itself: {}", e.toString());
        }
    }
}
