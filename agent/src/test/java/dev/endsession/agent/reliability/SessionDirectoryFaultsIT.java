package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session directory: its permissions on a live bus, and what happens when it is removed under
 * running apps. (Refusing a directory owned by another user or open to others: {@code DirectoryIT}.)
 */
class SessionDirectoryFaultsIT extends BusFaults {

    @Test
    @Timeout(120)
    void onlyTheUserCanReachTheDirectoryAndTheSockets() throws IOException {
        TestJvm app = session.app("name=app");
        assertEquals("rwx------", mode(session.busDir()), "the root");
        assertEquals("rwx------", mode(sessionDir()), "the session directory");
        assertEquals("rw-------", mode(sessionDir().resolve(app.pid() + ".sock")), "the socket");
        assertEquals(Files.getAttribute(session.busDir(), "unix:uid"), Files.getAttribute(sessionDir().resolve(app.pid() + ".sock"), "unix:uid"));
    }

    @Test
    @Timeout(120)
    void removedUnderRunningAppsTheyBecomeUnreachableButRunOnAndANewAppWorks() throws Exception {
        TestJvm orphan = session.app("name=orphan");
        try (Stream<Path> files = Files.walk(sessionDir())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        BusSession.Run run = session.cli("logoff", "--json");
        assertEquals(Cli.FAILURE, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("does not exist"), run.err());
        assertTrue(orphan.process().isAlive(), "the app runs on, unreachable");

        TestJvm fresh = session.app("name=fresh"); // recreates the directory
        BusSession.Run next = assertLogoffEnds(fresh);
        assertEquals(1, count(next.out(), "\"answer\":\"ok\""), "only the new app was asked: " + next.out());
        assertTrue(next.out().contains("{\"pid\":" + orphan.pid() + ",\"name\":\"(refused)\",\"answer\":\"not-asked\","
                + "\"reason\":\"refused: " + sessionDir().resolve(orphan.pid() + ".sock") + " is missing while pid " + orphan.pid()
                + " listens"), "the orphan is reported, not left out silently: " + next.out());
        assertTrue(orphan.process().isAlive(), "and never signalled");

        orphan.terminate(); // the orphan still cleans up once when it exits on its own
        orphan.awaitExit(WAIT);
        assertEquals(1, session.events("end", orphan).size());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
