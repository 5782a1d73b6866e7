package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console prompt in a real JVM on a real pseudo-terminal ({@code script} from util-linux):
 * {@code prompt=auto} finds the terminal, shows the countdown, and a typed answer reaches the
 * coordinator. Without a terminal, the default comes at once.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ConsolePromptIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** AskingMain runs the agent's classes directly, so it gets the whole test class path. */
    static TestJvm.Builder asking() {
        String whole = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path[] entries = Arrays.stream(whole.split(File.pathSeparator)).map(Path::of).toArray(Path[]::new);
        return TestJvm.main(AskingMain.class).withoutAgent().classPathOnly(entries);
    }

    @Test
    void typingCOnTheTerminalVetoesTheLogoff() {
        try (TestJvm app = asking().args("auto").env("DISPLAY", "").inPseudoTerminal().start(dir)) {
            app.awaitLine("\\[journal\\] 3 records are not on disk yet\\.", WAIT);
            app.awaitLine("a \\+ Enter: Log off anyway +c \\+ Enter: Cancel", WAIT);
            app.awaitLine("Answering \u201cLog off anyway\u201d in \\d+ s", WAIT);
            app.type("c\n");
            app.awaitLine("vetoed true \\[The user kept the session\\]", WAIT);
            assertEquals(0, app.awaitExit(WAIT), app.describe());
        }
    }

    @Test
    void typingALetsTheLogoffGoOn() {
        try (TestJvm app = asking().args("console").inPseudoTerminal().start(dir)) {
            app.awaitLine("Answering \u201cLog off anyway\u201d in \\d+ s", WAIT);
            app.type("a\n");
            app.awaitLine("vetoed false \\[\\]", WAIT);
            assertEquals(0, app.awaitExit(WAIT), app.describe());
        }
    }

    @Test
    void withoutATerminalAutoAnswersTheDefaultAtOnce() {
        try (TestJvm app = asking().args("auto").env("DISPLAY", "").start(dir)) {
            String line = app.awaitLine("vetoed ", WAIT);
            Matcher took = Pattern.compile("vetoed false \\[\\] after (\\d+) ms").matcher(line);
            assertTrue(took.matches(), line);
            // The listener asked for 30 s; no terminal means no waiting at all.
            assertTrue(Long.parseLong(took.group(1)) < 10_000, line);
            assertEquals(0, app.awaitExit(WAIT), app.describe());
        }
    }
}
