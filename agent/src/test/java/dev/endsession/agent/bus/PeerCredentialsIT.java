package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another user's process that reaches an app's socket (its directory opened up by mistake) is
 * refused by the app itself, from the kernel's record of who connected ({@code SO_PEERCRED}). The
 * other user is {@code nobody}, reached with util-linux {@code setpriv}, which only root may use.
 */
@EnabledOnOs(OS.LINUX)
class PeerCredentialsIT {

    /** Connects to the socket and reports whether the app hung up; run as another user. */
    private static final String CLIENT = String.join("\n",
            "import java.net.*; import java.nio.*; import java.nio.channels.*;",
            "public class Client { public static void main(String[] a) throws Exception {",
            "  try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(a[0]))) {",
            "    System.out.println(\"connected\");",
            "    System.out.println(c.read(ByteBuffer.allocate(1)) == -1 ? \"hung up\" : \"answered\");",
            "  }",
            "}}");

    @TempDir
    Path dir;

    @Test
    void aProcessOfAnotherUserIsHungUpOnAndTheAppServesItsOwnUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "switching to another user needs root");
        try (BusSession session = new BusSession(dir)) {
            TestJvm app = session.app("name=target");
            Path socket = session.busDir().resolve("default").resolve(app.pid() + ".sock");
            Path client = Files.createDirectories(dir.resolve("client")).resolve("Client.java");
            Files.writeString(client, CLIENT);

            List<Path> opened = List.of(dir, session.busDir(), socket.getParent(), client.getParent());
            opened.forEach(path -> chmod(path, "rwxr-xr-x"));
            chmod(socket, "rw-rw-rw-");
            String out = runAsNobody(client, socket);
            assertTrue(out.contains("connected") && out.contains("hung up"), out);
            BusSession.awaitStderr(app, "refused a connection: the peer runs as user nobody");

            opened.forEach(path -> chmod(path, "rwx------")); // back to what the initiator accepts
            chmod(socket, "rw-------");
            BusSession.Run status = session.cli("status");
            assertEquals(Cli.ENDED, status.code(), status.err());
            assertTrue(status.out().contains("target"), status.out());
        }
    }

    private static String runAsNobody(Path client, Path socket) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                java, client.toString(), socket.toString()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the client as nobody did not finish");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void chmod(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
