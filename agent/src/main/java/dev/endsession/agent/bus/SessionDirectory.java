package dev.endsession.agent.bus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.trust.TrustedPaths;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One session's directory, {@code <root>/<session>} (contract): the apps' sockets,
 * {@code <pid>.sock}, and the round lock. {@code <root>} is {@code $ENDSESSION_BUS_DIR}, else
 * {@code $XDG_RUNTIME_DIR/endsession}, else {@code <java.io.tmpdir>/endsession-<user>};
 * {@code <session>} is {@code $ENDSESSION_SESSION}, else {@code default}.
 *
 * <p>The directory is created with mode 0700. One owned by another user, open to group or others,
 * or a symbolic link is refused ({@link UnsafeDirectoryException}), as is a root that another user
 * owns or others may write to, or one inside a directory others may write to ({@link TrustedPaths}):
 * whoever controls the directory could impersonate every app in it.
 */
public final class SessionDirectory {

    /** Environment variable: the root of every session's directory. */
    public static final String BUS_DIR = "ENDSESSION_BUS_DIR";
    /** Environment variable: this process's session. */
    public static final String SESSION = "ENDSESSION_SESSION";
    /** The session of a process that names none. */
    public static final String DEFAULT_SESSION = "default";

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private final String session;

    private SessionDirectory(Path path, String session) {
        this.path = path;
        this.session = session;
    }

    /** @param env the environment ({@code System.getenv()}) @return the root of the session directories */
    public static Path root(Map<String, String> env) {
        String bus = env.get(BUS_DIR);
        if (bus != null && !bus.isBlank()) {
            return Path.of(bus).toAbsolutePath();
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            return Path.of(runtime, "endsession").toAbsolutePath();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "endsession-" + System.getProperty("user.name", "user"))
                .toAbsolutePath();
    }

    /** @param env the environment @return this process's own session: {@code $ENDSESSION_SESSION} or {@code default} */
    public static String ownSession(Map<String, String> env) {
        String session = env.get(SESSION);
        return session == null || session.isBlank() ? DEFAULT_SESSION : session.strip();
    }

    /**
     * Opens a session's directory, creating it (and the root) with mode 0700 if needed.
     *
     * @throws UnsafeDirectoryException if the name is invalid or the directory is not safe to use
     */
    public static SessionDirectory create(Path root, String session) throws IOException {
        Path dir = resolve(root, session);
        makePrivate(root);
        checkRoot(root);
        makePrivate(dir);
        checkSession(dir);
        return new SessionDirectory(dir, session);
    }

    /**
     * Opens an existing session's directory, for an initiator.
     *
     * @throws UnsafeDirectoryException if it does not exist, or is not safe to use
     */
    public static SessionDirectory existing(Path root, String session) throws IOException {
        Path dir = resolve(root, session);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeDirectoryException("no session bus for session '" + session + "': " + dir
                    + " does not exist (no app with the EndSession agent runs in it)");
        }
        checkRoot(root);
        checkSession(dir);
        return new SessionDirectory(dir, session);
    }

    private static Path resolve(Path root, String session) throws UnsafeDirectoryException {
        if (!validName(session)) {
            throw new UnsafeDirectoryException("session name '" + session
                    + "' is not valid (letters, digits, '.', '_' and '-', at most 64, not starting with '.')");
        }
        return root.resolve(session);
    }

    /**
     * @param name a session name
     * @return {@code true} for letters, digits, '.', '_' and '-', 1 to 64 of them, starting with a
     *     letter or digit (checked without a regex: this runs at agent start-up)
     */
    public static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 64 || !Character.isLetterOrDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!ascii && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** @return the pid of a {@code <pid>.sock} file name, or -1 */
    static long socketPid(String fileName) {
        if (!fileName.endsWith(".sock")) {
            return -1;
        }
        String digits = fileName.substring(0, fileName.length() - ".sock".length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private static void makePrivate(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
            Files.setPosixFilePermissions(dir, PRIVATE); // the umask may have taken bits away, never added: be exact
        } catch (FileAlreadyExistsException raced) {
            // another JVM created it first; it is checked like any existing directory
        }
    }

    private static void checkRoot(Path root) throws IOException {
        String foreign = Owner.foreignOwner(root);
        if (foreign != null) {
            throw new UnsafeDirectoryException("refusing session bus root " + root + ": it is owned by " + foreign);
        }
        java.util.Optional<String> ancestor = TrustedPaths.ancestorProblem(root);
        if (ancestor.isPresent()) {
            throw new UnsafeDirectoryException("refusing session bus root " + root + ": " + ancestor.get());
        }
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(root);
        if (modes.contains(PosixFilePermission.GROUP_WRITE) || modes.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new UnsafeDirectoryException("refusing session bus root " + root + ": mode "
                    + PosixFilePermissions.toString(modes) + " lets others write to it (chmod go-w it)");
        }
    }

    private static void checkSession(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeDirectoryException("refusing session directory " + dir + ": it is not a plain directory");
        }
        String foreign = Owner.foreignOwner(dir);
        if (foreign != null) {
            throw new UnsafeDirectoryException("refusing session directory " + dir + ": it is owned by " + foreign);
        }
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (!PRIVATE.containsAll(modes)) {
            throw new UnsafeDirectoryException("refusing session directory " + dir + ": mode "
                    + PosixFilePermissions.toString(modes) + " is open to group or others (it must be rwx------)");
        }
    }

    /** @return the directory */
    public Path path() {
        return path;
    }

    /** @return the session's name */
    public String session() {
        return session;
    }

    /** @return where the endpoint of process {@code pid} listens */
    public Path socketFor(long pid) {
        return path.resolve(pid + ".sock");
    }

    /** @return the file the round lock is taken on */
    Path lockFile() {
        return path.resolve("round.lock");
    }

    /**
     * Lists the endpoints' sockets, removing those whose process is gone (it died without closing),
     * and the half-made ones ({@code <pid>.binding}) of processes killed while binding.
     *
     * @return socket paths by pid
     */
    public List<Endpoint.Address> sockets() throws IOException {
        List<Endpoint.Address> alive = new ArrayList<>();
        for (Endpoint.Address address : endpoints()) {
            if (!removeIfGone(address)) {
                alive.add(address);
            }
        }
        return alive;
    }

    /**
     * Lists the endpoints' sockets without asking whether each process is alive (that costs tens of
     * microseconds a process: an initiator asks only about a socket that refuses the connection,
     * {@link #removeIfGone}); half-made ones of processes that are gone are removed.
     *
     * @return socket paths by pid
     */
    List<Endpoint.Address> endpoints() throws IOException {
        try (HeldDirectory held = hold()) {
            return held.endpoints();
        }
    }

    /** @return the directory held open for a round (the caller closes it) */
    HeldDirectory hold() throws IOException {
        return HeldDirectory.open(path);
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    /**
     * Looks at a socket entry itself, never through a link ({@code lstat}): it must be a socket, owned
     * by this user, with one name only (a hard link would let {@code <a>.sock} lead to app b's listener).
     *
     * @return why the entry is refused, or {@code null} if it is a plain socket of this user
     */
    static String unsafeEntry(Path entry) {
        try {
            if (Files.isSymbolicLink(entry)) {
                return entry + " is a symbolic link, not a socket";
            }
            if (!entry.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                return null; // Windows: the directory's rights are the only barrier
            }
            Map<String, Object> stat = Files.readAttributes(entry, "unix:mode,nlink", LinkOption.NOFOLLOW_LINKS);
            if ((((Number) stat.get("mode")).intValue() & S_IFMT) != S_IFSOCK) {
                return entry + " is not a socket";
            }
            String foreign = Owner.foreignOwner(entry);
            if (foreign != null) {
                return entry + " is owned by " + foreign;
            }
            if (((Number) stat.get("nlink")).intValue() != 1) {
                return entry + " has " + stat.get("nlink") + " names (a hard link)";
            }
            return null;
        } catch (java.nio.file.NoSuchFileException e) {
            return entry + " disappeared while its process runs";
        } catch (IOException e) {
            return entry + " cannot be examined: " + e;
        }
    }

    /** @return {@code true} if the endpoint's process is gone (its socket is removed then) */
    static boolean removeIfGone(Endpoint.Address address) {
        if (alive(address.pid())) {
            return false;
        }
        removeStale(address.socket());
        return true;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Removes a socket whose process is gone. */
    private static void removeStale(Path socket) {
        try {
            if (Files.deleteIfExists(socket)) {
                LOG.info("Removed the stale socket {}", socket);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the stale socket {}: {}", socket, e.toString());
        }
    }
}
