package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM whose prompt is not Swing never loads AWT or Swing because of the agent, even while a
 * listener asks the user: the class-loading log of a real JVM must show neither.
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
}
