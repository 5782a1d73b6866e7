package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attach} to a process that is not a HotSpot JVM of this user (issue 12 item 4): refused in
 * one line, exit 3, and the process is never signalled. Before, the JDK's attach sent it SIGQUIT,
 * whose default action ends a {@code sleep} or a non-interactive shell.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AttachTargetIT {

    @TempDir
    Path dir;

    @Test
    void aSleepIsRefusedAndStillRuns() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        try {
            assertRefusedAndAlive(sleep);
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aShellIsRefusedAndStillRuns() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "read line").start(); // waits on its standard input, held open here
        try {
            assertRefusedAndAlive(shell);
        } finally {
            shell.destroyForcibly();
        }
    }

    /**
     * A process that catches SIGQUIT is one the JDK's attach does signal (it checks
     * {@code /proc/<pid>/status} first on this JDK): the shell notes every SIGQUIT, and a SIGUSR1
     * sent afterwards marks the point by which an earlier signal would have been noted.
     */
    @Test
    void aShellThatCatchesSigquitNeverGetsOne() throws Exception {
        Path marks = dir.resolve("marks");
        Process shell = new ProcessBuilder("bash", "-c", "trap 'echo quit >> " + marks + "' QUIT; trap 'echo usr1 >> " + marks
                + "' USR1; echo ready >> " + marks + "; while :; do read -t 1 line; done").start();
        try {
            awaitMark(marks, "ready");
            assertRefusedAndAlive(shell);
            Process usr1 = new ProcessBuilder("kill", "-USR1", Long.toString(shell.pid())).start();
            assertTrue(usr1.waitFor(10, TimeUnit.SECONDS) && usr1.exitValue() == 0, "kill -USR1");
            awaitMark(marks, "usr1");
            assertEquals(List.of("ready", "usr1"), Files.readAllLines(marks), "no SIGQUIT before the SIGUSR1");
        } finally {
            shell.destroyForcibly();
        }
    }

    /** Polls the file the shell writes (nothing to be notified by). */
    static void awaitMark(Path marks, String mark) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(marks) || !Files.readAllLines(marks).contains(mark)) {
            assertTrue(System.nanoTime() < end, "no '" + mark + "' in " + marks);
            Thread.sleep(20); // a pause between reads of a file another process writes, not a synchronization
        }
    }

    /** The agent would refuse an untrusted rules file in the target, whose standard error the user may never see. */
    @Test
    void anUntrustedRulesFileIsRefusedBeforeAnythingIsAttached() throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path rules = Files.copy(RulesIT.NOTES_RULES, open.resolve("notes.rules"));
        try (NotesApp app = NotesApp.start(dir, null)) {
            AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(app.pid()), "rules=" + rules);
            assertEquals(2, run.exit(), run.output());
            assertEquals(rules + " is not trusted: " + rules + " is inside " + open + ", which others can write to (rwxrwxrwx) "
                    + "and which is not a sticky directory owned by root; nothing was attached.", run.output().strip());
        }
    }

    /** A file of the JVM's name is no proof: a JVM killed with SIGKILL leaves one, and its pid comes round again. */
    @Test
    void aStalePerformanceDataFileIsNoProof() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        Path stale = Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"), Long.toString(sleep.pid()));
        try {
            Files.createDirectories(stale.getParent());
            Files.write(stale, new byte[32 * 1024]);
            assertRefusedAndAlive(sleep);
        } finally {
            Files.deleteIfExists(stale);
            sleep.destroyForcibly();
        }
    }

    void assertRefusedAndAlive(Process process) throws IOException, InterruptedException {
        AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(process.pid()), "bridge=none");
        assertEquals(3, run.exit(), run.output());
        assertEquals(1, run.output().lines().count(), run.output());
        assertTrue(run.output().startsWith("Refusing to attach: pid " + process.pid() + " ("), run.output());
        assertTrue(run.output().contains(") is not a HotSpot JVM of yours"), run.output());
        // SIGQUIT's default action ends both: alive now means it was never sent.
        assertTrue(process.isAlive(), "the process was signalled: " + run.output());
        assertEquals("", Files.list(Path.of("/proc", Long.toString(process.pid()), "cwd")).filter(
                p -> p.getFileName().toString().startsWith(".attach_pid")).map(Path::toString).findFirst().orElse(""),
                "the attach handshake's file was written");
    }
}
