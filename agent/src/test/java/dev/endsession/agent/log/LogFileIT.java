package dev.endsession.agent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code log-file=}: a real JVM writes its bad options and the record of real bus rounds to its log file. */
@Timeout(120)
class LogFileIT {

    @TempDir
    Path dir;

    @Test
    void theLogFileGetsTheBadOptionAndTheRecordOfEachRound() throws IOException {
        Path log = dir.resolve("logs").resolve("editor.log");
        try (BusSession session = new BusSession(dir)) {
            TestJvm editor = session.app("name=editor,budget=soon,log-file=" + log, "-Dendsession.test.veto=Unsaved work");

            assertTrue(editor.stderr().contains("endsession: option budget='soon' is not valid"), editor.describe());
            assertTrue(line(log, l -> l.contains("[ERROR] endsession: option budget='soon' is not valid")), read(log));

            BusSession.Run vetoed = session.cli("logoff");
            assertEquals(Cli.CANCELLED, vetoed.code(), vetoed.out() + vetoed.err());
            // Each line is written before the app answers the initiator: no waiting needed.
            assertTrue(line(log, l -> l.matches(".* \\[INFO\\] endsession\\.round - query \\[LOGOFF\\]: veto \\[Unsaved work\\];"
                    + " listeners: .*RecordingListener veto \\d+ ms \\(Unsaved work\\).*")), read(log));
            assertTrue(line(log, l -> l.endsWith("endsession.round - cancelled [LOGOFF]")), read(log));

            BusSession.Run forced = session.cli("logoff", "--force");
            assertEquals(Cli.ENDED, forced.code(), forced.out() + forced.err());
            assertTrue(line(log, l -> l.matches(".* endsession\\.round - end \\[.*LOGOFF.*\\]: cleanups took \\d+ ms;"
                    + " finished \\[.*RecordingListener.*\\], failed \\[\\], overran \\[\\]")), read(log));
            editor.awaitExit(Duration.ofSeconds(30));
            assertFalse(editor.stderr().contains("endsession.round"), "the record goes to the file only: " + editor.stderr());
        }
    }

    @Test
    void theDefaultLogFileIsUnderXdgStateHomeAndTheLogLeavesStderr() {
        Path state = dir.resolve("state");
        Path log = state.resolve("endsession").resolve("logs").resolve("notes.log");
        try (TestJvm notes = TestJvm.main(WaitingApp.class).agentOptions("name=notes,log=info,log-file=default,bridge=none")
                .env("XDG_STATE_HOME", state.toString()).start(dir.resolve("jvms"))) {
            notes.awaitLine("^ready ", BusSession.START);
            BusSession.await(() -> read(log).contains("[INFO] endsession - EndSession agent started as 'notes'"),
                    "the start line in " + log, notes);
            assertFalse(notes.stderr().contains("EndSession agent started"), notes.describe());
        }
    }

    @Test
    void aLogFileThatCannotBeWrittenIsSaidOnceAndTheLogGoesToStderr() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "a file, not a directory");
        try (TestJvm app = TestJvm.main(WaitingApp.class)
                .agentOptions("name=app,level=high,bridge=none,log-file=" + notADirectory.resolve("app.log"))
                .start(dir.resolve("jvms"))) {
            app.awaitLine("^ready ", BusSession.START);
            BusSession.awaitStderr(app, "logging to stderr");
            String stderr = app.stderr();
            assertEquals(1, stderr.split("cannot be written", -1).length - 1, stderr);
            assertEquals(1, stderr.split("option level='high' is not valid", -1).length - 1, "said once: " + stderr);
            assertTrue(app.process().isAlive(), "the app runs on");
        }
    }

    private static boolean line(Path file, Predicate<String> test) throws IOException {
        return Files.exists(file) && Files.readAllLines(file).stream().anyMatch(test);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no " + file + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
