package dev.endsession.examples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import java.awt.GraphicsEnvironment;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes example: an editor that knows nothing of EndSession (run without a window) and its
 * plugin, which finds the editor through JMX. Unsaved text vetoes a logoff with its reason, a
 * forced logoff saves it, and on a terminal the user's typed answer decides.
 */
class NotesIT {

    private static final String MAIN = "dev.endsession.examples.notes.Notes";

    @TempDir
    Path dir;

    private TestJvm.Builder notes(String agentOptions, boolean typed) {
        TestJvm.Builder builder = Examples.app(MAIN, agentOptions, dir.resolve("bus"), "notes", "notes-plugin");
        builder = typed ? builder.args("--headless", "--type", "Remember the milk", file().toString())
                : builder.args("--headless", file().toString());
        return builder;
    }

    private Path file() {
        return dir.resolve("notes.txt");
    }

    @Nested
    class Unattended {
        @Test
        void unsavedTextVetoesTheLogoffWithTheDocumentsName() {
            try (TestJvm app = start("name=notes,prompt=none", true)) {
                Examples.Run run = Examples.cli(dir.resolve("bus"), dir, "logoff", "--json");
                assertEquals(1, run.code(), run.out());
                assertTrue(run.out().contains("\"name\":\"notes\",\"answer\":\"veto\",\"reason\":\"Unsaved changes in notes.txt\""), run.out());
                assertTrue(app.process().isAlive());
                assertFalse(Files.exists(file()), "nothing saved on a cancelled logoff");
            }
        }

        @Test
        void aForcedLogoffSavesTheTextFirst() throws Exception {
            try (TestJvm app = start("name=notes,prompt=none", true)) {
                Examples.Run run = Examples.cli(dir.resolve("bus"), dir, "logoff", "--force");
                assertEquals(0, run.code(), run.out());
                app.awaitExit(Examples.WAIT);
                assertEquals("Remember the milk", Files.readString(file()));
                assertTrue(app.stdout().contains("notes-plugin: saved notes.txt before the session ended"), app.describe());
            }
        }

        @Test
        void aSavedDocumentLetsTheLogoffGoOn() {
            try (TestJvm app = start("name=notes,prompt=none", false)) {
                Examples.Run run = Examples.cli(dir.resolve("bus"), dir, "logoff");
                assertEquals(0, run.code(), run.out());
                app.awaitExit(Examples.WAIT);
            }
        }
    }

    /** The console prompt over the bus: the notes app runs on a pseudo-terminal and the user types. */
    @EnabledOnOs({OS.LINUX, OS.MAC})
    @Test
    void typingAOnTheTerminalLetsTheLogoffGoOnAndSaves() throws Exception {
        try (TestJvm app = startInTerminal()) {
            CompletableFuture<Examples.Run> logoff = CompletableFuture.supplyAsync(
                    () -> Examples.cli(dir.resolve("bus"), dir, "logoff", "--timeout", "30s"));
            app.awaitLine("\\[notes\\] notes.txt has unsaved changes", Examples.WAIT);
            app.awaitLine("Answering \u201cCancel\u201d in \\d+ s", Examples.WAIT);
            app.type("a\n");
            Examples.Run run = logoff.get(Examples.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(0, run.code(), run.out());
            app.awaitExit(Examples.WAIT);
            assertEquals("Remember the milk", Files.readString(file()));
        }
    }

    /**
     * The Swing prompt over the bus, on a real display (Xvfb in CI): the dialog appears in the notes
     * JVM and the user chooses "Log off anyway" with its key, Alt+L (java.awt.Robot).
     */
    @EnabledOnOs(OS.LINUX)
    @Test
    void choosingLogOffAnywayInTheSwingDialogEndsTheLogoffAndSaves() throws Exception {
        assertTrue(System.getenv("DISPLAY") != null && !GraphicsEnvironment.isHeadless(),
                "No display: start Xvfb (as .ci/run does) and export DISPLAY");
        Robot robot = new Robot();
        try (TestJvm app = start("name=notes,prompt=swing,log=debug", true)) {
            CompletableFuture<Examples.Run> logoff = CompletableFuture.supplyAsync(
                    () -> Examples.cli(dir.resolve("bus"), dir, "logoff", "--timeout", "30s"));
            // The dialog says when a key press can reach it: the focus is on Cancel, the automatic answer.
            app.awaitErrorLine("The prompt is on the screen, the keyboard focus on 'Cancel'", Examples.WAIT);
            robot.keyPress(KeyEvent.VK_ALT); // Alt+L: "Log off anyway", wherever the focus is
            robot.keyPress(KeyEvent.VK_L);
            robot.keyRelease(KeyEvent.VK_L);
            robot.keyRelease(KeyEvent.VK_ALT);

            Examples.Run run = logoff.get(Examples.WAIT.toSeconds(), TimeUnit.SECONDS);
            // Cancel (the automatic answer) would have vetoed: exit 0 means the key press chose.
            assertEquals(0, run.code(), run.out());
            app.awaitExit(Examples.WAIT);
            assertEquals("Remember the milk", Files.readString(file()));
        }
    }

    private TestJvm start(String agentOptions, boolean typed) {
        TestJvm app = notes(agentOptions, typed).start(dir.resolve("jvm"));
        Examples.awaitOnBus(dir.resolve("bus"), app.awaitLine("^notes ready ", Examples.WAIT));
        return app;
    }

    private TestJvm startInTerminal() {
        TestJvm app = notes("name=notes,prompt=auto", true).env("DISPLAY", "").inPseudoTerminal().start(dir.resolve("jvm"));
        Examples.awaitOnBus(dir.resolve("bus"), app.awaitLine("notes ready ", Examples.WAIT));
        return app;
    }
}
