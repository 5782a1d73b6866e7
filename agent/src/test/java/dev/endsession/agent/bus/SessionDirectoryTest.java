package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionDirectoryTest {

    @TempDir
    Path dir;

    @Nested
    class Location {
        @Test
        void theBusDirVariableWinsOverTheRuntimeDir() {
            assertEquals(Path.of("/x/bus"), SessionDirectory.root(Map.of("ENDSESSION_BUS_DIR", "/x/bus", "XDG_RUNTIME_DIR", "/run/u")));
        }

        @Test
        void theRuntimeDirIsUsedWhenNoBusDirIsSet() {
            assertEquals(Path.of("/run/u/endsession"), SessionDirectory.root(Map.of("XDG_RUNTIME_DIR", "/run/u")));
        }

        @Test
        void theTempDirIsTheLastResortPerUser() {
            Path expected = Path.of(System.getProperty("java.io.tmpdir"), "endsession-" + System.getProperty("user.name"));
            assertEquals(expected.toAbsolutePath(), SessionDirectory.root(Map.of()));
        }

        @Test
        void theSessionIsTheVariableOrDefault() {
            assertEquals("default", SessionDirectory.ownSession(Map.of()));
            assertEquals("s2", SessionDirectory.ownSession(Map.of("ENDSESSION_SESSION", "s2")));
        }
    }

    @Test
    void aNewSessionDirectoryIsPrivate() throws IOException {
        SessionDirectory session = SessionDirectory.create(dir.resolve("root"), "default");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("root"))));
    }

    @Test
    void aDirectoryOpenToOthersIsRefusedWithItsMode() throws IOException {
        Path session = Files.createDirectories(dir.resolve("root/default"));
        Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rwxrwxrwx"));
        UnsafeDirectoryException e = assertThrows(UnsafeDirectoryException.class,
                () -> SessionDirectory.create(dir.resolve("root"), "default"));
        assertTrue(e.getMessage().contains("mode rwxrwxrwx is open to group or others"), e.getMessage());
    }

    @Test
    void aRootOthersMayWriteToIsRefused() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        UnsafeDirectoryException e = assertThrows(UnsafeDirectoryException.class, () -> SessionDirectory.create(root, "default"));
        assertTrue(e.getMessage().contains("lets others write to it"), e.getMessage());
    }

    /** Another user could rename the root away and put their own in its place (issue 12 item 5). */
    @Test
    void aRootInsideADirectoryOthersMayWriteToIsRefusedUnlessStickyAndRoots() throws IOException {
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path root = open.resolve("root");
        UnsafeDirectoryException e = assertThrows(UnsafeDirectoryException.class, () -> SessionDirectory.create(root, "default"));
        assertEquals("refusing session bus root " + root + ": " + root + " is inside " + open + ", which others can write to "
                + "(rwxrwxrwx) and which is not a sticky directory owned by root", e.getMessage());
    }

    @Test
    void aSessionNameThatCouldEscapeTheRootIsRefused() {
        assertThrows(UnsafeDirectoryException.class, () -> SessionDirectory.create(dir, ".."));
        assertThrows(UnsafeDirectoryException.class, () -> SessionDirectory.create(dir, "a/b"));
        assertTrue(SessionDirectory.validName("s-2_x.y"));
    }

    @Test
    void aMissingSessionIsReportedAsNoBus() {
        UnsafeDirectoryException e = assertThrows(UnsafeDirectoryException.class,
                () -> SessionDirectory.existing(dir, "nobody"));
        assertTrue(e.getMessage().startsWith("no session bus for session 'nobody'"), e.getMessage());
    }

    /** @return the pid of a process that has exited */
    static long deadPid() throws IOException {
        Process dead = new ProcessBuilder("true").start();
        dead.onExit().join();
        return dead.toHandle().pid();
    }

    @Test
    void socketsOfDeadProcessesAreRemovedAndOthersIgnored() throws IOException {
        SessionDirectory session = SessionDirectory.create(dir.resolve("root"), "default");
        long deadPid = deadPid();
        Path stale = Files.createFile(session.socketFor(deadPid));
        Path halfMade = Files.createFile(session.path().resolve(deadPid + ".binding"));
        Path binding = Files.createFile(session.path().resolve(ProcessHandle.current().pid() + ".binding"));
        Path mine = Files.createFile(session.socketFor(ProcessHandle.current().pid()));
        Path other = Files.createFile(session.path().resolve("notes.sock"));
        assertEquals(1, session.sockets().size());
        assertFalse(Files.exists(stale) || Files.exists(halfMade));
        assertTrue(Files.exists(mine) && Files.exists(other) && Files.exists(binding));
    }

    @Test
    void aDirectorySwappedUnderTheHeldOneIsNeitherListedNorCleaned() throws IOException {
        SessionDirectory session = SessionDirectory.create(dir.resolve("root"), "default");
        long deadPid = deadPid();
        Path stale = Files.createFile(session.socketFor(deadPid));
        try (HeldDirectory held = session.hold()) {
            Path aside = Files.move(session.path(), dir.resolve("root").resolve("aside"));
            Files.createDirectory(session.path());
            Path decoy = Files.createFile(session.socketFor(deadPid)); // the same name in the directory swapped in
            Files.createFile(session.socketFor(ProcessHandle.current().pid()));
            assertEquals(List.of(deadPid), held.endpoints().stream().map(Endpoint.Address::pid).toList(), "the held one's entries");
            assertTrue(held.removeIfGone(new Endpoint.Address(deadPid, stale)));
            assertFalse(Files.exists(aside.resolve(stale.getFileName())), "removed from the directory held");
            assertTrue(Files.exists(decoy), "not from the one now at its path");
        }
    }

    @Test
    void theInitiatorsListingAsksNoProcessButADeadOnesSocketGoesWhenItRefuses() throws IOException {
        SessionDirectory session = SessionDirectory.create(dir.resolve("root"), "default");
        long deadPid = deadPid();
        Path stale = Files.createFile(session.socketFor(deadPid));
        Path halfMade = Files.createFile(session.path().resolve(deadPid + ".binding"));
        Path mine = Files.createFile(session.socketFor(ProcessHandle.current().pid()));
        assertEquals(2, session.endpoints().size(), "listed without a liveness check");
        assertFalse(Files.exists(halfMade), "a dead process's half-made socket is removed while listing");
        assertTrue(SessionDirectory.removeIfGone(new Endpoint.Address(deadPid, stale)));
        assertFalse(SessionDirectory.removeIfGone(new Endpoint.Address(ProcessHandle.current().pid(), mine)));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(mine));
    }

    @Nested
    class SocketEntries {
        @Test
        void aListeningSocketOfThisUserIsAccepted() throws IOException {
            try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                server.bind(java.net.UnixDomainSocketAddress.of(dir.resolve("1.sock")));
                assertEquals(null, SessionDirectory.unsafeEntry(dir.resolve("1.sock")));
            }
        }

        @Test
        void aSymbolicLinkAFileAHardLinkOrNothingIsRefused() throws IOException {
            try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                server.bind(java.net.UnixDomainSocketAddress.of(dir.resolve("1.sock")));
                Files.createSymbolicLink(dir.resolve("2.sock"), Path.of("1.sock"));
                Files.writeString(dir.resolve("3.sock"), "");
                Files.createLink(dir.resolve("4.sock"), dir.resolve("1.sock"));
                assertTrue(SessionDirectory.unsafeEntry(dir.resolve("2.sock")).endsWith("is a symbolic link, not a socket"));
                assertTrue(SessionDirectory.unsafeEntry(dir.resolve("3.sock")).endsWith("is not a socket"));
                assertTrue(SessionDirectory.unsafeEntry(dir.resolve("4.sock")).endsWith("has 2 names (a hard link)"));
                assertTrue(SessionDirectory.unsafeEntry(dir.resolve("5.sock")).endsWith("disappeared while its process runs"));
            }
        }
    }
}
