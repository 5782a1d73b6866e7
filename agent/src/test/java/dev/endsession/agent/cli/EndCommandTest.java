package dev.endsession.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors and a missing or empty bus, without any app. */
class EndCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Cli.run(Map.of("ENDSESSION_BUS_DIR", dir.resolve("bus").toString()), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    @Test
    void anUnknownModeIsBadUsage() {
        assertEquals(Cli.USAGE, run("logoff", "--mode", "sideways"));
        assertTrue(err.toString().contains("sideways"), err.toString());
    }

    @Test
    void aMalformedTimeoutIsBadUsage() {
        assertEquals(Cli.USAGE, run("shutdown", "--timeout", "soon"));
        assertTrue(err.toString().contains("--timeout"), err.toString());
    }

    @Test
    void aSessionNameThatIsNotOneIsBadUsage() {
        assertEquals(Cli.USAGE, run("logoff", "--session", "../etc"));
        assertEquals(Cli.USAGE, run("status", "--session", "a/b"));
        assertTrue(err.toString().contains("(expected " + Cli.SESSION_NAME + ")"), err.toString());
    }

    @Test
    void noSessionBusIsAFailureWithOneClearLine() {
        assertEquals(Cli.FAILURE, run("logoff"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("endsession: no session bus for session 'default'"), err.toString());
    }

    @Test
    void aSecondRunOnTheSameThreadStartsFromTheDefaultsAndItsOwnEnvironment() {
        // Cli reuses one command model per thread: nothing of a run may leak into the next.
        assertEquals(Cli.USAGE, run("logoff", "--session", "other", "--json", "--timeout", "soon"));
        assertTrue(err.toString().contains("option --timeout='soon' is not valid"), err.toString());
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        assertEquals(Cli.FAILURE, Cli.run(Map.of("ENDSESSION_BUS_DIR", dir.resolve("elsewhere").toString()),
                new PrintWriter(out, true), new PrintWriter(err, true), "logoff"));
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("endsession: no session bus for session 'default'"), lines.get(0));
        assertTrue(lines.get(0).contains("elsewhere"), lines.get(0));
        assertEquals("", out.toString());
    }

    @Test
    void anEmptySessionIsAFailureSayingSo() throws Exception {
        Files.createDirectories(dir.resolve("bus/default"));
        Files.setPosixFilePermissions(dir.resolve("bus/default"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertEquals(Cli.FAILURE, run("restart", "--json"));
        assertTrue(err.toString().contains("no app is attached to session 'default'"), err.toString());
        assertTrue(out.toString().startsWith("{\"error\":\"no app is attached"), out.toString());
    }
}
