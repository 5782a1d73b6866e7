package dev.endsession.agent.bus;

import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.FrameWriter;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.threads.Workers;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The endpoint greets itself once, as soon as it serves: a {@code Hello} and its answer through the
 * real socket, so the first round an initiator brings finds the accept, the peer check, a
 * connection thread and the frame code already run. Without it, an app's first contact cost it
 * several milliseconds of CPU more, and over 50 apps on 2 cores that is the user's first logoff
 * (bench/README.md). Nothing changes state: a hello only reads it. Runs on a connection thread
 * (with its buffers); at debug level it leaves one line.
 */
final class SelfGreeting implements Workers.Task<Buffers> {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

    private final Path socket;
    private final Watchdog watchdog;

    SelfGreeting(Path socket, Watchdog watchdog) {
        this.socket = socket;
        this.watchdog = watchdog;
    }

    @Override
    public void run(Buffers buffers) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            Watchdog.Armed armed = watchdog.arm(channel, Endpoint.FIRST_FRAME);
            try {
                new FrameWriter(channel, buffers.out()).write(new Message.Hello());
                Message reply = new FrameReader(channel, buffers.in()).read();
                LOG.debug("The endpoint greeted itself: {}", reply == null ? "no answer" : "answered");
            } finally {
                armed.disarm();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("The endpoint could not greet itself: {}", e.toString());
        }
    }
}
