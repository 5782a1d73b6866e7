package dev.endsession.agent.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * A jar kept inside the agent jar: JNA's, which only Windows uses. As a thousand entries of the
 * agent jar, the JVM would index them at every start, on every system (about 5 ms here); as one
 * entry it costs nothing until the first JNA class is asked for. A {@link JarFile} needs a file, so
 * the nested jar is copied out on first use:
 * <ul>
 *   <li>on Windows into the user's temp directory (per-user there), one copy per content, named by
 *       its CRC and size, verified before reuse: Windows cannot delete a file the JVM still holds
 *       open, so a copy per JVM would be left behind at every exit;</li>
 *   <li>elsewhere a fresh private file per JVM, deleted at exit (a shared {@code /tmp} is no place
 *       to reuse a file another user may have put there).</li>
 * </ul>
 */
final class NestedJar {

    private static final String NAME = "endsession-jna";

    private NestedJar() {
    }

    /** @return a file holding {@code entry} of {@code outer}, for this JVM's use */
    static File extract(JarFile outer, JarEntry entry) throws IOException {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return cached(outer, entry, Path.of(System.getProperty("java.io.tmpdir")));
        }
        Path copy = Files.createTempFile(NAME, ".jar"); // mode 0600 on POSIX
        copy.toFile().deleteOnExit();
        write(outer, entry, copy);
        return copy.toFile();
    }

    /**
     * One copy per content in {@code directory}, written under a temporary name and renamed, so no
     * JVM opens a half-written copy; a copy that does not match is written again.
     */
    static File cached(JarFile outer, JarEntry entry, Path directory) throws IOException {
        Path target = directory.resolve(NAME + "-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize() + ".jar");
        if (matches(target, entry)) {
            return target.toFile();
        }
        Path part = Files.createTempFile(directory, NAME, ".part");
        try {
            write(outer, entry, part);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!matches(target, entry)) { // else another JVM put the same copy there first, and holds it open
                throw e;
            }
        } finally {
            Files.deleteIfExists(part);
        }
        return target.toFile();
    }

    private static boolean matches(Path copy, JarEntry entry) throws IOException {
        if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS) || Files.size(copy) != entry.getSize()) {
            return false;
        }
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(copy)) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue() == entry.getCrc();
    }

    private static void write(JarFile outer, JarEntry entry, Path file) throws IOException {
        try (InputStream in = outer.getInputStream(entry); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }
}
