package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's word on who listens where ({@code /proc/net/unix} and {@code /proc/<pid>/fd}), with real sockets. */
@EnabledOnOs(OS.LINUX)
class ListeningSocketsTest {

    @TempDir
    Path dir;

    final long self = ProcessHandle.current().pid();

    @Test
    void aProcessHoldingTheSocketBoundUnderItsOwnPidIsProven() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dir.resolve(self + ".binding")));
            assertNull(ListeningSockets.read().unproven(self));
        }
    }

    @Test
    void aSocketBoundUnderAnotherProcesssPidProvesNothingForThatProcess() throws Exception {
        Process other = new ProcessBuilder("sleep", "600").start();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dir.resolve(other.pid() + ".sock")));
            assertEquals("pid " + other.pid() + " does not hold the socket made for it", ListeningSockets.read().unproven(other.pid()));
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void nobodyListeningUnderAPidIsSaid() {
        assertNotNull(ListeningSockets.read().unproven(self));
    }

    @Test
    void onlyListeningSocketsCount() {
        String table = """
                Num       RefCount Protocol Flags    Type St Inode Path
                0000000067c554be: 00000002 00000000 00000000 0001 03 83459 /run/x/42.sock
                00000000039f6ba9: 00000002 00000000 00010000 0001 01 26561 /run/a b/43.binding
                """;
        ListeningSockets sockets = ListeningSockets.parse(table);
        assertEquals("no process listens on a socket made for pid 42", sockets.unproven(42));
        assertNotNull(sockets.unproven(43)); // listed (a path with a space), but pid 43 holds nothing here
        assertEquals(java.util.Set.of(43L), sockets.pidsBoundIn(Path.of("/run/a b")), "the listening ones bound in that directory");
        assertEquals(java.util.Set.of(), sockets.pidsBoundIn(Path.of("/run/x")));
    }
}
