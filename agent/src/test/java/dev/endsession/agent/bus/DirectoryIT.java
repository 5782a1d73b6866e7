package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unsafe session directory: the app runs on, with one clear error and no socket. */
class DirectoryIT {

    @TempDir
    Path dir;

    @Test
    void aDirectoryOpenToEveryoneIsRefused() throws IOException {
        try (BusSession session = new BusSession(dir)) {
            Path sessionDir = sessionDir(session, "rwxrwxrwx");
            refused(session, sessionDir, "mode rwxrwxrwx is open to group or others");
        }
    }

    @Test
    void aDirectoryOwnedByAnotherUserIsRefused() throws IOException {
        try (BusSession session = new BusSession(dir)) {
            Path sessionDir = sessionDir(session, "rwx------");
            assumeTrue("root".equals(System.getProperty("user.name")), "giving a directory to another user needs root");
            Files.setAttribute(sessionDir, "unix:uid", 65534); // chown nobody
            refused(session, sessionDir, "it is owned by uid 65534");
        }
    }

    /** A session directory made beforehand (as someone else might), in a private root. */
    private static Path sessionDir(BusSession session, String mode) throws IOException {
        Path sessionDir = Files.createDirectories(session.busDir().resolve("default"));
        Files.setPosixFilePermissions(session.busDir(), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(sessionDir, PosixFilePermissions.fromString(mode));
        return sessionDir;
    }

    private static void refused(BusSession session, Path sessionDir, String why) throws IOException {
        TestJvm app = session.start("default", "name=app", java.util.List.of());
        BusSession.awaitStderr(app, "refusing session directory");
        String err = app.stderr();
        assertTrue(err.contains("refusing session directory " + sessionDir + ": " + why), err);
        assertEquals(1, err.lines().filter(line -> line.contains("refusing")).count(), err);
        assertTrue(app.process().isAlive(), "the application runs on");
        try (Stream<Path> files = Files.list(sessionDir)) {
            assertEquals(0, files.count(), "no socket");
        }
        BusSession.Run status = session.cli("status");
        assertEquals(Cli.FAILURE, status.code());
        assertTrue(status.err().startsWith("endsession: refusing session directory " + sessionDir), status.err());
    }
}
