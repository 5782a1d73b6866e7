package dev.endsession.agent.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Copying the nested JNA jar out of the agent jar into a private directory, checked by the SHA-256 the build recorded. */
class NestedJarTest {

    static final String ENTRY = "inst/lib/jna-windows.jar";

    @TempDir
    Path dir;

    private byte[] inner;
    private String sha256;
    private Path outer;
    private Path cache;

    @BeforeEach
    void anAgentJarWithANestedJar() throws Exception {
        inner = new byte[200_000];
        RandomGenerator.of("L64X128MixRandom").nextBytes(inner);
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(inner));
        outer = dir.resolve("agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(outer))) {
            out.putNextEntry(new JarEntry(ENTRY));
            out.write(inner);
            out.closeEntry();
        }
        cache = PrivateDirectory.create(dir.resolve("cache"));
    }

    Path cached(NestedJar.Mover mover) throws IOException {
        try (JarFile jar = new JarFile(outer.toFile())) {
            return NestedJar.cached(jar, jar.getJarEntry(ENTRY), sha256 + "\n", cache, mover).toPath();
        }
    }

    List<String> files() throws IOException {
        try (var files = Files.list(cache)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    class Copy {

        @Test
        void theCopyIsNamedByItsSha256AndHoldsTheSameBytes() throws IOException {
            Path copy = cached(NestedJar.ATOMIC);

            assertEquals("jna-" + sha256.substring(0, 16) + ".jar", copy.getFileName().toString());
            assertArrayEquals(inner, Files.readAllBytes(copy));
            assertEquals(List.of(copy.getFileName().toString()), files(), "no part file left behind");
        }

        @Test
        void theCopyIsWrittenOnceAndReused() throws IOException {
            Path first = cached(NestedJar.ATOMIC);
            FileTime written = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(first, written);

            Path second = cached(NestedJar.ATOMIC);

            assertEquals(first, second);
            assertEquals(written, Files.getLastModifiedTime(second), "not written again");
        }

        @Test
        void aCopyWithTheSameSizeButOtherBytesIsWrittenAgain() throws IOException {
            Path copy = cached(NestedJar.ATOMIC);
            byte[] tampered = inner.clone();
            tampered[1234] ^= 1; // same size and, with a forged CRC32, the same CRC: the old check would reuse it
            try (OutputStream out = Files.newOutputStream(copy)) {
                out.write(tampered);
            }

            assertEquals(copy, cached(NestedJar.ATOMIC));
            assertArrayEquals(inner, Files.readAllBytes(copy));
        }

        @Test
        void aDamagedAgentJarIsRefusedNotCopied() throws IOException {
            try (JarFile jar = new JarFile(outer.toFile())) {
                IOException refused = assertThrows(IOException.class,
                        () -> NestedJar.cached(jar, jar.getJarEntry(ENTRY), "0".repeat(64), cache, NestedJar.ATOMIC));
                assertTrue(refused.getMessage().contains("the agent jar is damaged"), refused.getMessage());
            }
            assertEquals(List.of(), files());
        }

        @Test
        void aMissingRecordIsRefused() throws IOException {
            try (JarFile jar = new JarFile(outer.toFile())) {
                assertThrows(IOException.class, () -> NestedJar.cached(jar, jar.getJarEntry(ENTRY), "", cache, NestedJar.ATOMIC));
            }
        }

        @Test
        void aMoveRefusedWhileAScannerHoldsTheFileIsRetried() throws IOException {
            AtomicInteger tries = new AtomicInteger();
            Path copy = cached((from, to) -> {
                if (tries.incrementAndGet() <= 2) {
                    throw new AccessDeniedException(to.toString(), null, "used by another process");
                }
                NestedJar.ATOMIC.move(from, to);
            });

            assertEquals(3, tries.get());
            assertArrayEquals(inner, Files.readAllBytes(copy));
        }

        @Test
        void copiesOfOtherVersionsAndStalePartsAreRemoved() throws IOException {
            Files.write(cache.resolve("jna-0123456789abcdef.jar"), new byte[] {1});
            Path stale = Files.write(cache.resolve("jna-123.part"), new byte[] {2});
            Files.setLastModifiedTime(stale, FileTime.fromMillis(0));
            Path fresh = Files.write(cache.resolve("jna-456.part"), new byte[] {3}); // another JVM may be writing it

            Path copy = cached(NestedJar.ATOMIC);

            assertEquals(List.of(fresh.getFileName().toString(), copy.getFileName().toString()).stream().sorted().toList(), files());
        }
    }

    @Nested
    class Directory {

        @Test
        void onWindowsItIsInTheUsersLocalAppData() {
            assertEquals(Path.of("C:\\Users\\ana\\AppData\\Local").resolve("endsession"),
                    PrivateDirectory.choose(Map.of("LOCALAPPDATA", "C:\\Users\\ana\\AppData\\Local", "TEMP", "C:\\Windows\\Temp"),
                            "Windows 11", Path.of("C:\\Users\\ana")));
        }

        @Test
        void elsewhereItIsTheRuntimeDirectoryElseTheUsersCache() {
            assertEquals(Path.of("/run/user/1000/endsession"),
                    PrivateDirectory.choose(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "Linux", Path.of("/home/ana")));
            assertEquals(Path.of("/home/ana/.cache/endsession"), PrivateDirectory.choose(Map.of(), "Linux", Path.of("/home/ana")));
        }

        @Test
        @DisabledOnOs(OS.WINDOWS)
        void itIsCreatedForTheOwnerAlone() throws IOException {
            Path made = PrivateDirectory.create(dir.resolve("made"));

            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
        }

        @Test
        @DisabledOnOs(OS.WINDOWS)
        void aDirectoryOthersCanWriteIsRefused() throws IOException {
            Path open = Files.createDirectory(dir.resolve("open"));
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

            IOException refused = assertThrows(IOException.class, () -> PrivateDirectory.create(open));
            assertTrue(refused.getMessage().contains("is open to others (rwxrwxrwx)"), refused.getMessage());
        }

        @Test
        @DisabledOnOs(OS.WINDOWS)
        void aLinkIsRefused() throws IOException {
            Path real = PrivateDirectory.create(dir.resolve("real"));
            Path link = Files.createSymbolicLink(dir.resolve("link"), real);

            assertThrows(IOException.class, () -> PrivateDirectory.create(link));
        }
    }
}
