package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app whose parent never reaps it: once it exits it is a zombie, which the JDK's
 * {@code ProcessHandle.isAlive()} still calls alive. The round reports it terminated (it runs
 * nothing any more), not "still alive" after waiting out the grace period twice (issue 12 item 8).
 */
@EnabledOnOs(OS.LINUX)
class ZombieIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void anAppThatExitsAsAZombieIsReportedTerminated() throws Exception {
        Path bus = dir.resolve("bus");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(WaitingApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String app = String.join(" ", List.of(java, "-javaagent:" + TestJvm.agentJar() + "=name=zombie,bridge=bus", "-cp", classes,
                WaitingApp.class.getName()).stream().map(a -> "'" + a + "'").toList());
        // The shell starts the app, then becomes sleep, which never waits for its children.
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", app + " >/dev/null 2>&1 & echo $!; exec sleep 600");
        builder.environment().put(SessionDirectory.BUS_DIR, bus.toString());
        builder.environment().put(SessionDirectory.SESSION, "default");
        Process parent = builder.start();
        try (BusSession session = new BusSession(dir)) {
            long pid = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine().trim());
            Path socket = bus.resolve("default").resolve(pid + ".sock");
            BusSession.await(() -> Files.exists(socket), "the socket " + socket, null);

            BusSession.Run run = session.cli("logoff", "--json");

            assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("\"pid\":" + pid + ",") && run.out().contains("\"terminated\":true"), run.out());
            assertEquals('Z', ProcStat.of(pid).state(), "it is a zombie, never reaped");
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
