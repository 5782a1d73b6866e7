package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.bus.SessionDirectory;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM whose prompt is not Swing never loads AWT or Swing because of the agent, even while a
 * listener asks the user; nor does any JVM whose listeners ask nothing, display or not: the
 * class-loading log of a real JVM must show neither.
 */
class NoAwtIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private List<String> desktopClassesLoaded(String mode, String display) throws Exception {
        Path log = dir.resolve(mode + ".classes");
        try (TestJvm app = ConsolePromptIT.asking().args(mode).env("DISPLAY", display)
                .jvmOptions("-Xlog:class+load=info:file=" + log).start(dir)) {
            app.awaitLine("^vetoed false", WAIT);
            assertEquals(0, app.awaitExit(WAIT), app.describe());
        }
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.stream().anyMatch(l -> l.contains("dev.endsession.agent.prompt.PromptChooser")), "the log lists classes");
        return lines.stream().filter(l -> l.contains(" java.awt.") || l.contains(" javax.swing.")).toList();
    }

    @Test
    void autoWithoutADisplayLoadsNoAwtClass() throws Exception {
        assertEquals(List.of(), desktopClassesLoaded("auto", ""));
    }

    @Test
    void theConsolePromptLoadsNoAwtClassEvenWithADisplay() throws Exception {
        assertEquals(List.of(), desktopClassesLoaded("console", ":0"));
    }

    @Test
    void aRoundWhoseListenersAskNothingLoadsNoAwtClassEvenWithADisplay() throws Exception {
        Path log = dir.resolve("round.classes");
        try (BusSession session = new BusSession(dir)) {
            try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("name=quiet,prompt=auto,bridge=bus")
                    .listener(RecordingListener.class)
                    .jvmOptions("-D" + RecordingListener.RECORD + "=" + session.record(), "-Dendsession.test.veto=Unsaved",
                            "-Xlog:class+load=info:file=" + log)
                    .env(SessionDirectory.BUS_DIR, session.busDir().toString()).env(SessionDirectory.SESSION, "default")
                    .env("DISPLAY", ":0").start(dir.resolve("jvm"))) {
                app.awaitLine("^ready ", WAIT);
                Path socket = session.busDir().resolve("default").resolve(app.pid() + ".sock");
                BusSession.await(() -> Files.exists(socket), "the socket " + socket, app);
                BusSession.Run run = session.cli("logoff");
                assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
                assertEquals(1, session.events("query", app).size(), app.describe());
            }
        }
        List<String> desktop = Files.readAllLines(log).stream()
                .filter(l -> l.contains(" java.awt.") || l.contains(" javax.swing.")).toList();
        assertEquals(List.of(), desktop, "the prompt is chosen at the first question, and nobody asked one");
    }
}
