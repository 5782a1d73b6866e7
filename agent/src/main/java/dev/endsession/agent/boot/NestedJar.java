package dev.endsession.agent.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A jar kept inside the agent jar: JNA's. As a thousand entries of the agent jar, the JVM would
 * index them at every start, on every system (about 5 ms here); as one entry it costs nothing until
 * the first JNA class is asked for. A {@link JarFile} needs a file, so the nested jar is copied out
 * on first use, on every system the same way, and so is JNA's Linux library, kept beside it (JNA
 * loads a library that is a file where it is):
 * <ul>
 *   <li>into a {@link PrivateDirectory} of this user, one copy per content, named by its SHA-256;</li>
 *   <li>written only from an entry whose SHA-256 is the one the build recorded inside the agent jar;</li>
 *   <li>compared byte for byte with that entry before reuse and again once it is locked (CRC32 and size could be forged);</li>
 *   <li>written as {@code .part} and then moved into place, retried while an antivirus scanner holds it;</li>
 *   <li>kept under a shared lock for as long as the JVM runs: on Windows the lock is mandatory, so no
 *       process can rewrite the copy after it was checked, while other JVMs still read it;</li>
 *   <li>copies of other contents of the same kind (older agent versions) and stale {@code .part} files are removed.</li>
 * </ul>
 */
final class NestedJar {

    private static final String NAME = "jna-";
    /** A library's copy: never {@code jna...}, which JNA deletes once loaded, taking it for its own temporary copy. */
    private static final String LIBRARY = "jnidispatch-";
    private static final int MOVE_TRIES = 8;
    private static final int CHUNK = 8192;
    private static final Duration STALE_PART = Duration.ofMinutes(10);
    /** The locked copies of this JVM, by path: released only when it exits (a JVM cannot lock one file twice). */
    private static final Map<Path, FileChannel> HELD = new HashMap<>();

    /** Moves a written copy into place; a scanner may hold either file for a moment. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    static final Mover ATOMIC = (from, to) -> Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    private NestedJar() {
    }

    /** @param sha256 the entry's SHA-256 as the build recorded it (hex) @return a file holding {@code entry}, checked */
    static File extract(JarFile outer, JarEntry entry, String sha256) throws IOException {
        return cached(outer, entry, sha256, PrivateDirectory.forThisUser(), ATOMIC);
    }

    /** One copy per content in {@code directory}, written under a temporary name and moved, then locked and checked. */
    static synchronized File cached(JarFile outer, JarEntry entry, String sha256, Path directory, Mover mover) throws IOException {
        String expected = sha256.strip().toLowerCase(java.util.Locale.ROOT);
        if (!expected.matches("[0-9a-f]{64}")) {
            throw new IOException("the agent jar records no valid SHA-256 for " + entry.getName() + ": '" + sha256 + "'");
        }
        String extension = extension(entry.getName());
        String kind = extension.equals(".jar") ? NAME : LIBRARY;
        Path target = directory.resolve(kind + expected.substring(0, 16) + extension);
        FileChannel mine = HELD.remove(target);
        if (mine != null) {
            if (sameBytes(outer, entry, target)) {
                HELD.put(target, mine);
                return target.toFile();
            }
            mine.close(); // changed under an advisory lock (POSIX): written again below
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (attempt > 0 || !sameSize(entry, target)) { // a copy of the right size is compared once, when locked
                write(outer, entry, expected, target, mover);
            }
            FileChannel locked = FileChannel.open(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            try {
                locked.lock(0, Long.MAX_VALUE, true);
                if (sameBytes(outer, entry, target)) {
                    HELD.put(target, locked);
                    removeOthers(directory, target, kind, extension);
                    return target.toFile();
                }
            } catch (IOException e) {
                locked.close();
                throw e;
            }
            locked.close(); // other bytes, or changed before the lock: write it again, once
        }
        throw new IOException(target + " keeps changing after it was written; the agent does not load JNA from it");
    }

    private static void write(JarFile outer, JarEntry entry, String expected, Path target, Mover mover) throws IOException {
        Path part = Files.createTempFile(target.getParent(), NAME, ".part"); // mode 0600 on POSIX
        try {
            String written;
            try (InputStream in = new DigestInputStream(outer.getInputStream(entry), sha256());
                    OutputStream out = Files.newOutputStream(part)) {
                in.transferTo(out);
                written = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            if (!written.equals(expected)) {
                throw new IOException(entry.getName() + " in the agent jar has SHA-256 " + written + ", the build recorded " + expected
                        + ": the agent jar is damaged");
            }
            moveWithRetries(part, target, outer, entry, mover);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static boolean sameSize(JarEntry entry, Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == entry.getSize();
    }

    private static void moveWithRetries(Path part, Path target, JarFile outer, JarEntry entry, Mover mover) throws IOException {
        for (int tries = 1; ; tries++) {
            try {
                mover.move(part, target);
                return;
            } catch (AccessDeniedException | java.nio.file.FileAlreadyExistsException e) {
                if (tries >= MOVE_TRIES) {
                    throw e;
                }
            } catch (FileSystemException e) {
                // Windows: "being used by another process" (a scanner, or another JVM holding the same content locked).
                if (tries >= MOVE_TRIES || e.getClass() != FileSystemException.class) {
                    throw e;
                }
            }
            if (sameBytes(outer, entry, target)) {
                return; // another JVM put the same copy there first, and holds it: that one does
            }
            pause(tries);
        }
    }

    private static void pause(int tries) throws IOException {
        try {
            Thread.sleep(25L << Math.min(tries, 5)); // 50 ms .. 800 ms: a scanner lets go within a second or two
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the JNA copy to be free", e);
        }
    }

    /** Best effort: another JVM may still hold an old copy open (Windows then refuses the delete). */
    private static void removeOthers(Path directory, Path keep, String kind, String extension) {
        Instant stale = Instant.now().minus(STALE_PART);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean oldCopy = name.startsWith(kind) && name.endsWith(extension) && !file.equals(keep);
                boolean stalePart = name.startsWith(NAME) && name.endsWith(".part")
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(FileTime.from(stale)) < 0;
                if (oldCopy || stalePart) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException inUse) {
                        // left for a later JVM
                    }
                }
            }
        } catch (IOException e) {
            // nothing to clean, or not now
        }
    }

    /** @return {@code .jar}, {@code .so}: what the copy's name ends with */
    private static String extension(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.substring(Math.max(0, file.lastIndexOf('.')));
    }

    /**
     * @return whether {@code file} is a regular file holding exactly {@code entry}'s bytes: compared
     *     with the agent jar's own, not hashed at every start (bench/README.md, memory)
     */
    private static boolean sameBytes(JarFile outer, JarEntry entry, Path file) throws IOException {
        if (!sameSize(entry, file)) {
            return false;
        }
        byte[] copied = new byte[CHUNK];
        byte[] original = new byte[CHUNK];
        try (InputStream copy = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS); InputStream in = outer.getInputStream(entry)) {
            for (int n = copy.readNBytes(copied, 0, CHUNK); n > 0; n = copy.readNBytes(copied, 0, CHUNK)) {
                if (in.readNBytes(original, 0, n) != n || !Arrays.equals(copied, 0, n, original, 0, n)) {
                    return false;
                }
            }
            return in.read() < 0;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
