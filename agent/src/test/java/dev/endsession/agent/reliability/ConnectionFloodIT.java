package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of silent connections to one app (issue 12, item 7): the app's threads and descriptors
 * stay bounded, it warns a few lines rather than one per connection, and a real initiator (a CLI
 * process) still runs its round during the flood. The figures go to the test's output.
 */
class ConnectionFloodIT extends BusFaults {

    static final int FLOOD = Scale.full() ? 5000 : 3000;

    @Test
    @Timeout(300)
    void thousandsOfSilentConnectionsNeitherExhaustTheAppNorKeepTheInitiatorOut() throws Exception {
        TestJvm app = session.app("name=flooded");
        Path socket = sessionDir().resolve(app.pid() + ".sock");
        Usage before = Usage.of(app.pid());
        long statusQuiet = timed(session.initiator("status"));

        List<SocketChannel> flood = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                flood.add(connect(socket)); // and never a byte
            }
            Usage during = Usage.of(app.pid());
            long statusDuring = timed(session.initiator("status"));
            long roundStart = System.nanoTime();
            Process initiator = session.initiator("logoff");
            assertTrue(initiator.waitFor(120, TimeUnit.SECONDS), "the initiator finished");
            long round = System.nanoTime() - roundStart;
            System.out.printf("connection flood of %d: threads %d -> %d, fds %d -> %d, rss %d -> %d KiB; "
                    + "CLI processes: status before %d ms, status during %d ms, logoff during %d ms; %d warning lines%n",
                    FLOOD, before.threads, during.threads, before.fds, during.fds, before.rssKib, during.rssKib,
                    statusQuiet / 1_000_000, statusDuring / 1_000_000, round / 1_000_000, warnings(app));
            assertEquals(Cli.ENDED, initiator.exitValue(), "the real initiator was served during the flood");
            assertEquals(0, app.awaitExit(WAIT), app.describe());
            assertEquals(1, session.events("end", app).size(), "its cleanup ran");
            assertTrue(during.threads < before.threads + 300, "threads: " + before.threads + " -> " + during.threads);
            assertTrue(during.fds < before.fds + 300, "descriptors: " + before.fds + " -> " + during.fds);
            assertTrue(warnings(app) <= 25, "warnings are rate-limited:\n" + app.stderr());
        } finally {
            for (SocketChannel channel : flood) {
                channel.close();
            }
        }
    }

    /** @return how long a CLI process took, which must have served its app */
    static long timed(Process cli) throws InterruptedException {
        long start = System.nanoTime();
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "the CLI finished");
        assertEquals(Cli.ENDED, cli.exitValue(), "the CLI was served");
        return System.nanoTime() - start;
    }

    static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    static long warnings(TestJvm app) {
        return app.stderr().lines().filter(line -> line.contains("WARN")).count();
    }

    /** A process's threads, open descriptors and resident memory, from {@code /proc}. */
    record Usage(long threads, long fds, long rssKib) {
        static Usage of(long pid) throws IOException {
            Path proc = Path.of("/proc", Long.toString(pid));
            long threads = 0;
            long rss = 0;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.substring(8).trim());
                } else if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
            try (var fds = Files.list(proc.resolve("fd"))) {
                return new Usage(threads, fds.count(), rss);
            }
        }
    }
}
