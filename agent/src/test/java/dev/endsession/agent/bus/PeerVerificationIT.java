package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The initiator signals only a pid it verified in the same round (issue 12 item 5): a socket entry
 * must be a socket (not a link), and the process listening behind it must be the pid its name
 * says. Both attacks of the issue, with real JVMs: a symbolic link from app A's socket to app B's,
 * and a session directory swapped for one whose {@code <pid>.sock} names an unrelated process; and
 * another user's listener moved into an app's socket's place ({@code SO_PEERCRED}).
 */
class PeerVerificationIT {

    @TempDir
    Path dir;

    BusSession session;
    Process unrelated;

    @BeforeEach
    void bus() {
        session = new BusSession(dir);
    }

    @AfterEach
    void stop() throws InterruptedException {
        session.close();
        if (unrelated != null) {
            unrelated.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    Path sessionDir() {
        return session.busDir().resolve("default");
    }

    @Test
    @Timeout(120)
    void aSymlinkFromOneAppsSocketToAnothersIsRefusedAndNobodyIsKilledForIt() throws Exception {
        TestJvm a = session.app("name=a");
        TestJvm b = session.app("name=b");
        Path aSocket = sessionDir().resolve(a.pid() + ".sock");
        Files.delete(aSocket); // a still listens, unreachable by name
        Files.createSymbolicLink(aSocket, Path.of(b.pid() + ".sock"));

        BusSession.Run run = session.cli("logoff", "--json");

        assertTrue(a.process().isAlive(), "a was never signalled\n" + run.out() + run.err());
        assertEquals(1, session.events("query", b).size(), "b asked once: " + run.out());
        assertEquals(0, b.awaitExit(BusSession.START), b.describe());
        assertTrue(run.out().matches("(?s).*\\{\"pid\":" + a.pid() + ",[^}]*\"answer\":\"not-asked\",\"reason\":\"refused: [^\"]*"
                + "symbolic link[^}]*\"terminated\":false.*"), "a's entry is reported refused: " + run.out());
    }

    @Test
    @Timeout(120)
    void anAppWhoseSocketIsMissingWhileItRunsIsReportedNotSilentlyLeftOut() throws Exception {
        TestJvm a = session.app("name=a");
        TestJvm b = session.app("name=b");
        Files.delete(sessionDir().resolve(a.pid() + ".sock")); // a still listens, unreachable by name

        BusSession.Run run = session.cli("logoff", "--json");

        assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
        assertEquals(0, b.awaitExit(BusSession.START), b.describe());
        assertTrue(a.process().isAlive(), "a was never signalled");
        assertTrue(run.out().matches("(?s).*\\{\"pid\":" + a.pid() + ",[^}]*\"answer\":\"not-asked\",\"reason\":\"refused: [^\"]*"
                + a.pid() + ".sock is missing while pid " + a.pid() + " listens[^}]*\"terminated\":false.*"), "a is reported: " + run.out());
    }

    @Test
    @Timeout(120)
    void anotherAppsSocketRenamedIntoAnAppsPlaceIsRefusedByItsHello() throws Exception {
        TestJvm a = session.app("name=a");
        TestJvm b = session.app("name=b");
        Path aSocket = sessionDir().resolve(a.pid() + ".sock");
        Files.delete(aSocket); // a still listens (and still holds the socket made for it), unreachable by name
        Files.move(sessionDir().resolve(b.pid() + ".sock"), aSocket);

        BusSession.Run run = session.cli("logoff", "--json");

        assertTrue(a.process().isAlive() && b.process().isAlive(), "nobody signalled: " + run.out() + run.err());
        assertEquals(0, session.events("query", b).size(), "b not asked under a's name");
        assertEquals(Cli.FAILURE, run.code(), run.out() + run.err());
        assertTrue(run.err().contains(aSocket + ": the app there says it is pid " + b.pid()), run.err());
    }

    /** Listens on {@code args[0]} and never answers; prints {@code listening} once it does. Run as another user. */
    private static final String IMPOSTOR = String.join("\n",
            "import java.net.*; import java.nio.channels.*;",
            "public class Impostor { public static void main(String[] a) throws Exception {",
            "  ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);",
            "  s.bind(UnixDomainSocketAddress.of(a[0]));",
            "  System.out.println(\"listening\");",
            "  Thread.sleep(600_000);",
            "}}");

    @Test
    @Timeout(120)
    void anotherUsersListenerPutInPlaceOfAnAppsSocketIsRefusedAndTheAppNeverSignalled() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "switching to another user needs root");
        TestJvm app = session.app("name=victim");
        Path own = Files.createDirectories(dir.resolve("impostor"));
        Files.writeString(own.resolve("Impostor.java"), IMPOSTOR);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path output = dir.resolve("impostor.out");
        unrelated = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), own.resolve("Impostor.java").toString(),
                own.resolve("x.sock").toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        BusSession.await(() -> read(output).contains("listening"), "the impostor listening", app);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path socket = sessionDir().resolve(app.pid() + ".sock");
        Files.move(own.resolve("x.sock"), socket, StandardCopyOption.REPLACE_EXISTING); // in the app's socket's place
        Files.setAttribute(socket, "unix:uid", 0); // even owned by the user, its listener is not

        BusSession.Run run = session.cli("logoff", "--force-if-hung", "--timeout", "2s", "--json");

        assertTrue(app.process().isAlive(), "the app behind the name was never signalled: " + run.out() + run.err());
        assertTrue(run.err().contains("refused") && run.err().contains("the peer runs as user nobody, not root"), run.err());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Timeout(120)
    void aSwappedDirectoryNamingAnUnrelatedProcessGetsThatProcessNeitherAskedNorKilled() throws Exception {
        unrelated = new ProcessBuilder("sleep", "600").start();
        TestJvm app = session.app("name=real");
        Path aside = session.busDir().resolve("aside");
        Files.move(sessionDir(), aside); // the attacker's directory takes the session's place
        Files.createDirectory(sessionDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (ServerSocketChannel impostor = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            // Listens under the unrelated process's pid and never answers: a hung app, as the initiator would see it.
            impostor.bind(UnixDomainSocketAddress.of(sessionDir().resolve(unrelated.pid() + ".sock")));

            BusSession.Run run = session.cli("logoff", "--force-if-hung", "--timeout", "2s", "--json");

            assertTrue(unrelated.isAlive(), "the unrelated process was never signalled: " + run.out() + run.err());
            assertNotEquals(Cli.ENDED, run.code(), "nothing was ended: " + run.out() + run.err());
            assertTrue(run.err().contains("refused") && run.err().contains(unrelated.pid() + ".sock"), run.err());
        }
        assertTrue(app.process().isAlive(), "the real app, out of reach, was not touched");
    }
}
