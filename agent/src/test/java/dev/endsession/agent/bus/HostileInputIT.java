package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.wire.Bounds;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, oversized and random frames, and a client that says nothing: only that connection is closed. */
class HostileInputIT {

    @TempDir
    Path dir;

    @Test
    void badClientsAreDisconnectedWhileTheEndpointKeepsServing() throws IOException {
        try (BusSession session = new BusSession(dir)) {
            TestJvm app = session.app("name=target");
            Path socket = session.busDir().resolve("default").resolve(app.pid() + ".sock");
            try (SocketChannel silent = connect(socket)) {
                assertClosedAfter(socket, ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array()); // oversized
                assertClosedAfter(socket, ByteBuffer.allocate(6).putInt(2).put((byte) 9).put((byte) 1).array()); // version 9
                assertClosedAfter(socket, ByteBuffer.allocate(6).putInt(2).put((byte) Bounds.VERSION).put((byte) 77).array());
                byte[] noise = new byte[512];
                new SplittableRandom(7).nextBytes(noise);
                noise[0] = 0; // a plausible length prefix, then garbage
                assertClosedAfter(socket, noise);

                BusSession.Run status = session.cli("status"); // served while the silent client hangs on
                assertEquals(Cli.ENDED, status.code(), status.err());

                assertEquals(-1, silent.read(ByteBuffer.allocate(1)), "the silent client is cut off");
            }
            BusSession.awaitStderr(app, "nothing complete arrived within 5000 ms"); // logged just after the hang-up
            String err = app.stderr();
            assertTrue(err.contains("after a bad frame: frame length 2147483647 is outside"), err);
            assertTrue(err.contains("protocol version 9 is not supported"), err);
            assertTrue(err.contains("unknown message type 77"), err);

            BusSession.Run logoff = session.cli("logoff");
            assertEquals(Cli.ENDED, logoff.code(), logoff.out() + logoff.err());
            assertEquals(0, app.awaitExit(RoundIT.GONE));
        }
    }

    static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    /** Sends {@code bytes} and expects the endpoint to hang up (a read that blocks fails the test by timeout). */
    static void assertClosedAfter(Path socket, byte[] bytes) throws IOException {
        try (SocketChannel channel = connect(socket)) {
            channel.write(ByteBuffer.wrap(bytes));
            ByteBuffer reply = ByteBuffer.allocate(64);
            int read;
            try {
                read = channel.read(reply);
                while (read > 0) {
                    read = channel.read(reply);
                }
            } catch (IOException reset) {
                read = -1; // a reset is a hang-up too
            }
            assertEquals(-1, read);
        }
    }
}
