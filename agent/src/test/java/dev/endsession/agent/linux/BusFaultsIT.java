package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's own D-Bus client against buses that misbehave, with real JVMs: a bus that never
 * answers, one that speaks something else, one that dies under a registered app. Each costs debug
 * lines only; the app runs on and the bridge's thread goes back to sleep.
 */
@Timeout(90)
class BusFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** A Unix socket that accepts connections, reads what comes and answers {@code reply} (or nothing). */
    private static final class FakeBus implements AutoCloseable {
        private final ServerSocketChannel server;
        private final List<SocketChannel> accepted = new ArrayList<>();
        private final Thread thread;

        FakeBus(Path socket, String reply) throws IOException {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
            thread = new Thread(() -> serve(reply), "fake-bus");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(String reply) {
            try {
                while (true) {
                    SocketChannel client = server.accept();
                    synchronized (accepted) {
                        accepted.add(client);
                    }
                    client.read(ByteBuffer.allocate(4096)); // the AUTH line and what the client sent with it
                    if (reply != null) {
                        client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.ISO_8859_1)));
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (accepted) {
                for (SocketChannel c : accepted) {
                    c.close();
                }
            }
        }
    }

    private TestJvm appOn(Path sessionSocket) {
        return TestJvm.main(WaitingApp.class).agentOptions("name=Faulty,log=debug")
                .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + sessionSocket)
                .env("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + dir.resolve("no-system-bus"))
                .env("SESSION_MANAGER", null).env("XDG_RUNTIME_DIR", dir.toString()).start(dir.resolve("app"));
    }

    private static void assertOnlyDebugLines(TestJvm app) {
        assertTrue(app.stderr().lines().noneMatch(l -> l.contains("ERROR") || l.contains("WARN")), app.stderr());
    }

    @Test
    void aBusThatNeverAnswersCostsADebugLineAfterTheCallTimeoutNotTheApp() throws Exception {
        Path socket = dir.resolve("silent-bus");
        try (FakeBus bus = new FakeBus(socket, null); TestJvm app = appOn(socket)) {
            app.awaitLine("ready", WAIT);
            app.awaitErrorLine("EndSession agent started", WAIT);
            String line = app.awaitErrorLine("gnome-session did not start", WAIT);
            assertTrue(line.contains("no answer in 3000 ms"), line);
            app.awaitErrorLine("logind did not start", WAIT); // the next protocol is still tried
            assertOnlyDebugLines(app);
        }
    }

    @Test
    void aBusThatTakesNoMoreConnectionsCostsADebugLineNotAStuckStart() throws Exception {
        Path socket = dir.resolve("full-bus");
        List<SocketChannel> queued = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket), 1); // never accepts: its backlog fills
            for (int i = 0; i < 64; i++) {
                SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX);
                client.configureBlocking(false);
                queued.add(client);
                try {
                    if (!client.connect(UnixDomainSocketAddress.of(socket))) {
                        break; // the backlog is full: a blocking connect would now wait for good
                    }
                } catch (IOException full) {
                    break;
                }
            }
            try (TestJvm app = appOn(socket)) {
                app.awaitLine("ready", WAIT);
                app.awaitErrorLine("gnome-session did not start", WAIT);
                app.awaitErrorLine("EndSession agent started", WAIT);
                assertOnlyDebugLines(app);
            }
        } finally {
            for (SocketChannel c : queued) {
                c.close();
            }
        }
    }

    @Test
    void aBusThatSpeaksSomethingElseCostsADebugLine() throws Exception {
        Path socket = dir.resolve("http-not-dbus");
        String reply = "OK 0123456789abcdef0123456789abcdef\r\nHTTP/1.1 400 Bad Request\r\n\r\n" + "x".repeat(64);
        try (FakeBus bus = new FakeBus(socket, reply); TestJvm app = appOn(socket)) {
            app.awaitLine("ready", WAIT);
            String line = app.awaitErrorLine("gnome-session did not start", WAIT);
            assertTrue(line.contains("no D-Bus message"), line);
            assertOnlyDebugLines(app);
        }
    }

    @Test
    void whenTheSessionBusDiesTheBridgesThreadSleepsAndTheAppRunsOn() throws Exception {
        try (Desktop desktop = Desktop.start(dir.resolve("desktop"))) {
            desktop.startGnomeSession();
            TestJvm.Builder builder = TestJvm.main(WaitingApp.class).agentOptions("name=Orphan,log=debug");
            try (TestJvm app = desktop.jvm(builder).start(dir.resolve("app"))) {
                app.awaitLine("ready", WAIT);
                GnomeSessionIT.awaitRegistered(desktop, 1);
                desktop.killSessionBus();
                app.awaitErrorLine("The session bus connection failed", WAIT);
                long before = bridgeThreadCpu(app.pid());
                Thread.sleep(2000); // the window in which a thread spinning on a dead socket would burn a core
                long spent = bridgeThreadCpu(app.pid()) - before;
                assertTrue(spent < 50_000_000L, "the bridge's thread used " + spent / 1_000_000 + " ms of CPU in 2 s after the bus died");
                assertTrue(app.process().isAlive(), "the app runs on");
                assertOnlyDebugLines(app);
            }
        }
    }

    /** @return the CPU time (ns, schedstat) of the JVM's {@code endsession-linux} thread */
    private static long bridgeThreadCpu(long pid) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).strip().startsWith("endsession-linu")) {
                    return Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                }
            }
        }
        throw new AssertionError("no endsession-linux thread in " + pid);
    }
}
