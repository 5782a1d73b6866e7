package dev.endsession.agent.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a file or directory may be trusted with what the agent runs or obeys: plugin jars, a
 * rules file, a config file, the session bus root. Trusted means: owned by this process's user or
 * by root, not writable by group or others, and no directory above it writable by others unless
 * it is sticky and owned by root (as {@code /tmp} is). A symbolic link is judged by both where it
 * lies and what it points to. Another user who can write to any of these could replace what the
 * agent loads. Where the file system has no Unix owners and modes (Windows), everything is trusted.
 * Thread-safe.
 */
public final class TrustedPaths {

    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int OTHERS_WRITE = 0002;
    private static final int STICKY = 01000;
    private static final Long MY_UID = Uids.current();

    private TrustedPaths() {
    }

    /**
     * @param path a file or directory the agent is about to read
     * @return why it may not be trusted, as part of a sentence (e.g. {@code "/x is writable by group
     *     or others (rwxrwxrwx)"}), or empty if it may
     */
    public static Optional<String> problem(Path path) {
        if (MY_UID == null) {
            return Optional.empty();
        }
        Path given = path.toAbsolutePath().normalize();
        try {
            Path real = given.toRealPath();
            String problem = itself(real);
            if (problem == null) {
                problem = ancestors(real, real);
            }
            if (problem == null && !real.equals(given)) {
                problem = ancestors(given, given); // a link's own directory decides what it points to
            }
            return Optional.ofNullable(problem);
        } catch (NoSuchFileException e) {
            return Optional.of(given + " does not exist");
        } catch (IOException | RuntimeException e) {
            return Optional.of(given + " cannot be checked (" + e + ")");
        }
    }

    /**
     * The ancestors part of the rule alone, for a directory with stricter rules of its own (the
     * session bus root: owned by the user, mode 0700).
     *
     * @param path a file or directory
     * @return why a directory above it may not be trusted, or empty
     */
    public static Optional<String> ancestorProblem(Path path) {
        if (MY_UID == null) {
            return Optional.empty();
        }
        Path given = path.toAbsolutePath().normalize();
        try {
            String problem = ancestors(given, given);
            if (problem == null && Files.exists(given)) {
                Path real = given.toRealPath();
                problem = real.equals(given) ? null : ancestors(real, real);
            }
            return Optional.ofNullable(problem);
        } catch (IOException | RuntimeException e) {
            return Optional.of(given + " cannot be checked (" + e + ")");
        }
    }

    /** @return whether this process runs as root (uid 0) */
    public static boolean isRoot() {
        return MY_UID != null && MY_UID == 0;
    }

    private static String itself(Path real) throws IOException {
        long uid = uid(real);
        if (uid != MY_UID && uid != 0) {
            return real + " is owned by uid " + uid + ", not by this process's user (uid " + MY_UID + ") or root";
        }
        int mode = mode(real);
        if ((mode & GROUP_OR_OTHERS_WRITE) != 0) {
            return real + " is writable by group or others (" + Modes.text(mode) + ")";
        }
        return null;
    }

    private static String ancestors(Path path, Path reported) throws IOException {
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            int mode = mode(dir);
            if ((mode & OTHERS_WRITE) != 0 && !((mode & STICKY) != 0 && uid(dir) == 0)) {
                return reported + " is inside " + dir + ", which others can write to (" + Modes.text(mode)
                        + ") and which is not a sticky directory owned by root";
            }
        }
        return null;
    }

    private static int mode(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue();
    }

    private static long uid(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }
}
