package dev.endsession.agent.bus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A session directory held open for one round, by the initiator: listed, checked and cleaned
 * through the open directory itself ({@link SecureDirectoryStream}, {@code openat}/{@code unlinkat}
 * underneath) where the platform offers it, so a directory swapped under its path after the check
 * is neither listed nor cleaned by mistake. Connecting cannot be made relative to it in Java; the
 * peer reached is checked instead ({@link PeerCheck}). Not thread-safe for listing; removals may
 * come from the round's threads.
 */
final class HeldDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private final DirectoryStream<Path> stream;
    private final UserPrincipal owner;

    private HeldDirectory(Path path, DirectoryStream<Path> stream, UserPrincipal owner) {
        this.path = path;
        this.stream = stream;
        this.owner = owner;
    }

    /**
     * Opens {@code path} (already checked by its {@link SessionDirectory}) and checks again what was
     * opened: this user's, private.
     *
     * @throws UnsafeDirectoryException if the directory opened is not this user's private directory
     */
    static HeldDirectory open(Path path) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(path);
        try {
            UserPrincipal me = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
            if (stream instanceof SecureDirectoryStream<Path> secure) {
                PosixFileAttributes opened = secure.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
                owner = opened.owner();
                if (!owner.equals(me) || !PRIVATE.containsAll(opened.permissions())) {
                    throw new UnsafeDirectoryException("refusing session directory " + path + ": the directory opened is "
                            + owner.getName() + "'s, mode " + PosixFilePermissions.toString(opened.permissions())
                            + " (it changed after it was checked)");
                }
            }
            return new HeldDirectory(path, stream, owner);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** @return the owner of the directory opened (this user) */
    UserPrincipal owner() {
        return owner;
    }

    /**
     * Lists the endpoints' sockets, once, without asking whether each process is alive; half-made
     * ones ({@code <pid>.binding}) of processes that are gone are removed.
     *
     * @return socket paths by pid
     */
    List<Endpoint.Address> endpoints() {
        List<Endpoint.Address> found = new ArrayList<>();
        for (Path entry : stream) {
            String name = entry.getFileName().toString();
            boolean binding = name.endsWith(".binding");
            long pid = SessionDirectory.socketPid(binding ? name.substring(0, name.length() - ".binding".length()) + ".sock" : name);
            if (pid <= 0) {
                continue;
            }
            if (!binding) {
                found.add(new Endpoint.Address(pid, path.resolve(name)));
            } else if (!SessionDirectory.alive(pid)) {
                remove(name);
            }
        }
        found.sort((a, b) -> Long.compare(a.pid(), b.pid()));
        return found;
    }

    /** @return {@code true} if the endpoint's process is gone (its entry is removed then) */
    boolean removeIfGone(Endpoint.Address address) {
        if (SessionDirectory.alive(address.pid())) {
            return false;
        }
        remove(address.socket().getFileName().toString());
        return true;
    }

    /** Removes an entry of a process that is gone, from the directory held (never through a swapped path). */
    private void remove(String name) {
        try {
            if (stream instanceof SecureDirectoryStream<Path> secure) {
                secure.deleteFile(Path.of(name));
            } else if (!Files.deleteIfExists(path.resolve(name))) {
                return;
            }
            LOG.info("Removed the stale socket {}", path.resolve(name));
        } catch (java.nio.file.NoSuchFileException e) {
            // removed meanwhile
        } catch (IOException e) {
            LOG.warn("Could not remove the stale socket {}: {}", path.resolve(name), e.toString());
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            // closing a directory cannot usefully fail
        }
    }
}
