package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every malformed seed of the fuzzing corpus, and every valid frame cut short, sent to a live
 * endpoint: each connection is hung up on (a malformed frame with one logged line), and the endpoint
 * keeps serving: the next round works. (Oversized, wrong-version, unknown-type, random and silent clients:
 * {@code HostileInputIT}.)
 */
class BadFramesOnTheWireIT extends BusFaults {

    @Test
    @Timeout(180)
    void theEndpointHangsUpOnEachBadFrameAndKeepsServing() throws Exception {
        TestJvm app = session.app("name=target");
        Path socket = sessionDir().resolve(app.pid() + ".sock");
        List<Path> bad = FuzzCorpusTest.files("bad-");
        for (Path seed : bad) {
            assertHungUpAfter(socket, FuzzCorpusTest.prefixed(Files.readAllBytes(seed)), seed.getFileName().toString());
        }
        List<Path> valid = FuzzCorpusTest.files("valid-frame-");
        for (Path seed : valid) {
            byte[] frame = Files.readAllBytes(seed);
            assertHungUpAfter(socket, Arrays.copyOf(frame, frame.length - 1), "truncated " + seed.getFileName());
        }
        assertTrue(bad.size() >= 10 && valid.size() >= 10, "the corpus has its seeds");

        assertLogoffEnds(app);
        long complaints = app.stderr().lines().filter(l -> l.contains("Closed a bus connection after a bad frame")).count();
        assertEquals(bad.size(), complaints, "one logged line per malformed frame (a sender that stops mid-frame has "
                + "just gone away):\n" + app.stderr());
    }

    /** Sends {@code bytes}, closes our side for writing, and expects the endpoint to hang up without answering a frame. */
    static void assertHungUpAfter(Path socket, byte[] bytes, String what) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(bytes));
            channel.shutdownOutput(); // a truncated frame is a frame whose sender stopped
            ByteBuffer reply = ByteBuffer.allocate(256);
            int read;
            try {
                do {
                    read = channel.read(reply);
                } while (read > 0);
            } catch (IOException reset) {
                read = -1; // a reset is a hang-up too
            }
            assertEquals(-1, read, what);
        }
    }
}
