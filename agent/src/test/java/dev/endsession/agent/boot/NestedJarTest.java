package dev.endsession.agent.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying the nested JNA jar out of the agent jar, as each system needs it. */
class NestedJarTest {

    @TempDir
    Path dir;

    private byte[] inner;
    private Path outer;

    @BeforeEach
    void anAgentJarWithANestedJar() throws IOException {
        inner = new byte[200_000];
        RandomGenerator.of("L64X128MixRandom").nextBytes(inner);
        outer = dir.resolve("agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(outer))) {
            out.putNextEntry(new JarEntry("inst/lib/jna-windows.jar"));
            out.write(inner);
            out.closeEntry();
        }
    }

    @Test
    void aCopyPerJvmHoldsTheSameBytesAndIsPrivate() throws IOException {
        try (JarFile jar = new JarFile(outer.toFile())) {
            File copy = NestedJar.extract(jar, jar.getJarEntry("inst/lib/jna-windows.jar"));
            assertArrayEquals(inner, Files.readAllBytes(copy.toPath()));
            if (!System.getProperty("os.name").startsWith("Windows")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(copy.toPath())));
            }
        }
    }

    @Test
    void theCachedCopyIsWrittenOnceAndReused() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        try (JarFile jar = new JarFile(outer.toFile())) {
            JarEntry entry = jar.getJarEntry("inst/lib/jna-windows.jar");
            Path first = NestedJar.cached(jar, entry, cache).toPath();
            FileTime written = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(first, written);
            Path second = NestedJar.cached(jar, entry, cache).toPath();
            assertEquals(first, second);
            assertEquals(written, Files.getLastModifiedTime(second), "not written again");
            assertArrayEquals(inner, Files.readAllBytes(second));
            try (var files = Files.list(cache)) {
                assertEquals(1, files.count(), "no part file left behind");
            }
        }
    }

    @Test
    void aCachedCopyThatDoesNotMatchIsWrittenAgain() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        try (JarFile jar = new JarFile(outer.toFile())) {
            JarEntry entry = jar.getJarEntry("inst/lib/jna-windows.jar");
            Path copy = NestedJar.cached(jar, entry, cache).toPath();
            byte[] tampered = inner.clone();
            tampered[1234] ^= 1; // same size, other bytes
            try (OutputStream out = Files.newOutputStream(copy)) {
                out.write(tampered);
            }
            assertEquals(copy, NestedJar.cached(jar, entry, cache).toPath());
            assertArrayEquals(inner, Files.readAllBytes(copy));
            assertTrue(Files.isRegularFile(copy));
        }
    }
}
