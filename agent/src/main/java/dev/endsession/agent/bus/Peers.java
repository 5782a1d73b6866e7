package dev.endsession.agent.bus;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;

/**
 * Who may talk to an app's endpoint: processes of the same user, as only a session's own system
 * sends it session messages on Windows. The session directory (mode 0700, checked by both sides)
 * keeps other users out already; this checks again at every connection, from the kernel's record of
 * the peer ({@code SO_PEERCRED}), so a directory opened up by mistake (a chmod, a umask) still does
 * not let another user end this user's session. Root is let in: it can signal any process anyway,
 * and an administrator's {@code shutdown} should reach every session, as on Windows. Where the
 * platform cannot tell (Windows' {@code AF_UNIX}), the directory is the only barrier.
 *
 * <p>Thread-safe.
 */
final class Peers {

    private final UserPrincipal self;

    Peers(UserPrincipal self) {
        this.self = self;
    }

    /** @param path a file or directory this process's user owns: the session directory, say */
    static Peers ownerOf(Path path) throws IOException {
        return new Peers(Files.getOwner(path));
    }

    /**
     * @param channel an accepted connection
     * @return why the peer is refused, or {@code null} if it may talk
     */
    String refusal(SocketChannel channel) {
        if (!channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
            return null;
        }
        try {
            UserPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
            if (peer.equals(self) || "root".equals(peer.getName())) {
                return null;
            }
            return "the peer runs as user " + peer.getName() + ", not " + self.getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "the peer's user cannot be read (" + e + ")";
        }
    }
}
