package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer check on a real Unix socket pair in this process. A peer of another user is refused in
 * {@code PeerCredentialsIT}, which needs a second user.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows' AF_UNIX has no SO_PEERCRED: the directory is the barrier")
class PeersTest {

    @TempDir
    Path dir;

    @Test
    void aProcessOfTheSameUserMayTalk() throws IOException {
        Path socket = dir.resolve("app.sock");
        try (ServerSocketChannel server = bind(socket);
                SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                SocketChannel accepted = server.accept()) {
            assertNull(Peers.ownerOf(socket).refusal(accepted));
        }
    }

    @Test
    void rootMayTalkToAnyUsersApp() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can connect as root");
        Path socket = dir.resolve("app.sock");
        try (ServerSocketChannel server = bind(socket);
                SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                SocketChannel accepted = server.accept()) {
            Peers nobodysApp = new Peers(FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            assertNull(nobodysApp.refusal(accepted));
        }
    }

    private static ServerSocketChannel bind(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return server;
    }
}
