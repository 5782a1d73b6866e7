package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where no session manager and no logind exist, the agent starts as before: on the simulated bus, no error line. */
@Timeout(60)
class NoDesktopIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static void awaitSocket(Path socket) {
        java.time.Instant end = java.time.Instant.now().plus(WAIT);
        while (!Files.exists(socket)) {
            if (java.time.Instant.now().isAfter(end)) {
                throw new AssertionError("no session bus endpoint " + socket);
            }
            Daemon.pause();
        }
    }

    private static List<String> bridgeThreads(long pid) throws IOException {
        List<String> names = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith("endsession-linu")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Test
    void noBusAtAllNoErrorAndTheSimulatedBusServesAsBefore() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("run"));
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("name=Plain").env("DBUS_SESSION_BUS_ADDRESS", null)
                .env("DBUS_SYSTEM_BUS_ADDRESS", null).env("SESSION_MANAGER", null).env("ENDSESSION_BUS_DIR", null)
                .env("XDG_RUNTIME_DIR", runtime.toString()).start(dir.resolve("app"))) {
            app.awaitLine("ready", WAIT);
            awaitSocket(runtime.resolve("endsession/default/" + app.pid() + ".sock"));
            assertEquals("", app.stderr(), "no line at all on stderr");
        }
    }

    @Test
    void busesWithoutGnomeSessionOrLogindCostOnlyDebugLines() throws Exception {
        try (Desktop desktop = Desktop.start(dir)) {
            TestJvm.Builder builder = TestJvm.main(WaitingApp.class).agentOptions("name=Plain,log=debug");
            try (TestJvm app = desktop.jvm(builder).start(dir.resolve("app"))) {
                app.awaitLine("ready", WAIT);
                app.awaitErrorLine("logind: not in this session", WAIT);
                app.awaitErrorLine("EndSession agent started", WAIT);
                assertEquals(List.of(), bridgeThreads(app.pid()), "no thread for connections no protocol uses");
                assertTrue(app.stderr().lines().filter(l -> l.contains("endsession.linux")).allMatch(l -> l.contains("DEBUG")),
                        "the Linux bridge's lines are debug lines\n" + app.stderr());
                assertTrue(app.stderr().lines().noneMatch(l -> l.contains("ERROR") || l.contains("WARN")), app.stderr());
            }
        }
    }
}
