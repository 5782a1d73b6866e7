package dev.endsession.agent.linux.xsmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM with the real agent jar, a client of the real xsm: a veto stops xsm's shutdown, an
 * agreement ends the JVM with its cleanups run.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(120)
class XsmIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final MarkedProcesses marked = new MarkedProcesses();
    private VirtualDisplay display;
    private Xsm xsm;

    @BeforeEach
    void startXsm() {
        display = VirtualDisplay.start(dir.resolve("x"));
        xsm = Xsm.start(dir.resolve("xsm"), display.display(), marked);
    }

    @AfterEach
    void stop() {
        xsm.close();
        marked.end();
        display.close();
    }

    private TestJvm app(Path record, String veto) {
        return RecordingApp.start(dir.resolve("app"), xsm.clientEnv(), "NotesXsm", record, veto, WAIT);
    }

    @Test
    void aVetoCancelsXsmsShutdown() throws Exception {
        Path record = dir.resolve("record");
        try (TestJvm app = app(record, "Unsaved notes")) {
            xsm.shutdownWithCheckpoint();

            app.awaitErrorLine("Stopping the session manager's shutdown: \\[Unsaved notes\\]", WAIT);
            Commands.await("the listener told of the cancel", WAIT,
                    () -> RecordingListener.lines(record).stream().anyMatch(l -> l.startsWith("cancelled ")) ? true : null);
            List<String> events = RecordingApp.events(record);
            assertEquals(List.of("query", "cancelled"), events, app.describe());
            assertTrue(xsm.isRunning(), "xsm ended although the JVM vetoed:\n" + xsm.log());
            assertTrue(app.process().isAlive(), app.describe());
        }
    }

    @Test
    void anAgreementEndsTheJvmWithItsCleanupsRun() throws Exception {
        Path record = dir.resolve("record");
        try (TestJvm app = app(record, null)) {
            xsm.shutdownWithCheckpoint();

            assertEquals(0, app.awaitExit(WAIT), app.describe());
            List<String> lines = RecordingListener.lines(record);
            assertEquals(List.of("query", "end"), lines.stream().map(l -> l.split(" ")[0]).toList(), app.describe());
            assertTrue(lines.get(1).endsWith("[LOGOFF]"), lines.toString());
            assertTrue(xsm.awaitEnd(WAIT), "xsm did not end after its last client:\n" + xsm.log());
            assertEquals(1, count(xsm.log(), "received REGISTER CLIENT"), "registered once:\n" + xsm.log());
        }
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
