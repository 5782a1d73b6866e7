package dev.endsession.agent.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrustedPathsTest {

    @TempDir
    Path dir;

    Path mode(Path path, String mode) throws IOException {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    @Test
    void aPrivateDirectoryAndItsFileAreTrusted() throws IOException {
        Path plugins = mode(Files.createDirectories(dir.resolve("plugins")), "rwxr-xr-x");
        Path jar = mode(Files.createFile(plugins.resolve("a.jar")), "rw-r--r--");
        assertEquals(Optional.empty(), TrustedPaths.problem(plugins));
        assertEquals(Optional.empty(), TrustedPaths.problem(jar));
    }

    @Test
    void aWorldWritableDirectoryIsNot() throws IOException {
        Path plugins = mode(Files.createDirectories(dir.resolve("plugins")), "rwxrwxrwx");
        assertEquals(Optional.of(plugins + " is writable by group or others (rwxrwxrwx)"), TrustedPaths.problem(plugins));
    }

    @Test
    void aGroupWritableFileIsNot() throws IOException {
        Path rules = mode(Files.createFile(dir.resolve("app.rules")), "rw-rw-r--");
        assertEquals(Optional.of(rules + " is writable by group or others (rw-rw-r--)"), TrustedPaths.problem(rules));
    }

    @Test
    void aFileUnderAWorldWritableDirectoryIsNot() throws IOException {
        Path open = mode(Files.createDirectories(dir.resolve("open")), "rwxrwxrwx");
        Path rules = mode(Files.createFile(open.resolve("app.rules")), "rw-r--r--");
        assertEquals(Optional.of(rules + " is inside " + open + ", which others can write to (rwxrwxrwx) and which is not "
                + "a sticky directory owned by root"), TrustedPaths.problem(rules));
    }

    @Test
    void anAncestorThatOthersCanWriteToCountsAtAnyDepth() throws IOException {
        Path open = mode(Files.createDirectories(dir.resolve("open")), "rwxrwxrwx");
        Path deep = Files.createDirectories(open.resolve("a/b"));
        Path config = mode(Files.createFile(deep.resolve("agent.properties")), "rw-------");
        assertTrue(TrustedPaths.problem(config).orElseThrow().contains("is inside " + open + ","), TrustedPaths.problem(config).toString());
    }

    @Test
    void aStickyDirectoryOwnedByRootIsAFineAncestor() throws IOException {
        Path tmp = Path.of("/tmp");
        assumeTrue((((Number) Files.getAttribute(tmp, "unix:mode")).intValue() & 01002) == 01002
                && ((Number) Files.getAttribute(tmp, "unix:uid")).intValue() == 0, "/tmp is not a sticky root directory here");
        Path mine = mode(Files.createTempFile(tmp, "trusted", ".rules"), "rw-------");
        try {
            assertEquals(Optional.empty(), TrustedPaths.problem(mine));
        } finally {
            Files.delete(mine);
        }
    }

    @Test
    void aStickyDirectoryNotOwnedByRootIsNot() throws IOException, InterruptedException {
        assumeTrue(TrustedPaths.isRoot(), "needs root to give a directory to another user");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        chown("65534", shared);
        run("chmod", "1777", shared.toString());
        Path rules = mode(Files.createFile(shared.resolve("app.rules")), "rw-------");
        assertTrue(TrustedPaths.problem(rules).orElseThrow().startsWith(rules + " is inside " + shared + ", which others can write to"),
                TrustedPaths.problem(rules).toString());
    }

    @Test
    void aFileOfAnotherUserIsNot() throws IOException, InterruptedException {
        assumeTrue(TrustedPaths.isRoot(), "needs root to give a file to another user");
        Path rules = mode(Files.createFile(dir.resolve("app.rules")), "rw-r--r--");
        chown("65534", rules);
        assertEquals(Optional.of(rules + " is owned by uid 65534, not by this process's user (uid 0) or root"),
                TrustedPaths.problem(rules));
    }

    @Test
    void aSymbolicLinkIsJudgedByWhatItPointsToAndWhereItLies() throws IOException {
        Path open = mode(Files.createDirectories(dir.resolve("open")), "rwxrwxrwx");
        Path target = mode(Files.createFile(dir.resolve("app.rules")), "rw-r--r--");
        Path link = Files.createSymbolicLink(open.resolve("app.rules"), target);
        assertTrue(TrustedPaths.problem(link).orElseThrow().contains("is inside " + open + ","), TrustedPaths.problem(link).toString());
        Path good = Files.createSymbolicLink(dir.resolve("link.rules"), target);
        assertEquals(Optional.empty(), TrustedPaths.problem(good));
    }

    @Test
    void aMissingPathSaysSo() {
        assertEquals(Optional.of(dir.resolve("nothing") + " does not exist"), TrustedPaths.problem(dir.resolve("nothing")));
    }

    static void chown(String uid, Path path) throws IOException, InterruptedException {
        run("chown", uid, path.toString());
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command));
    }
}
