package dev.endsession.agent.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * A directory only the current user (or, for a service, its own account) can write: where a file the
 * JVM will load code from may be kept between runs. Never a shared temp folder: a LocalSystem
 * service's {@code %TEMP%} is {@code C:\Windows\Temp}, which every user can write.
 * <ul>
 *   <li>Windows: {@code %LOCALAPPDATA%\endsession} (a service's is in its own profile, e.g.
 *       {@code C:\Windows\System32\config\systemprofile\AppData\Local}), whose ACL the profile gives
 *       to the account and SYSTEM alone (<a href="https://learn.microsoft.com/windows/win32/shell/knownfolderid">KNOWNFOLDERID: FOLDERID_LocalAppData</a>);</li>
 *   <li>elsewhere: {@code $XDG_RUNTIME_DIR/endsession}, else {@code ~/.cache/endsession}, created
 *       with mode 0700 and refused unless owned by this user, a real directory, and closed to group and others.</li>
 * </ul>
 */
final class PrivateDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectory() {
    }

    /** @return the directory for this user on this system, created and checked */
    static Path forThisUser() throws IOException {
        return create(choose(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home"))));
    }

    /** @return where the directory is, from the environment: not yet created */
    static Path choose(Map<String, String> env, String osName, Path home) {
        if (osName.startsWith("Windows")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local)).resolve("endsession");
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        return (runtime == null || runtime.isBlank() ? home.resolve(".cache") : Path.of(runtime)).resolve("endsession");
    }

    /** Creates {@code dir} (mode 0700 where POSIX) if missing, then checks it. @return {@code dir} */
    static Path create(Path dir) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(dir.getParent(), PosixFileAttributeView.class);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (posix != null) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectories(dir);
                }
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another JVM made it first: checked below like any other
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory (a link is refused): the agent keeps its JNA copy only in a private directory");
        }
        if (posix != null) {
            PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            if (!attributes.owner().getName().equals(me)) {
                throw new IOException(dir + " belongs to " + attributes.owner().getName() + ", not to " + me + ": refused");
            }
            if (!OWNER_ONLY.containsAll(attributes.permissions())) {
                throw new IOException(dir + " is open to others (" + PosixFilePermissions.toString(attributes.permissions())
                        + "): refused; chmod 700 it or remove it");
            }
        }
        return dir;
    }
}
