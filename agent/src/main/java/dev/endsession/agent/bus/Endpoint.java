package dev.endsession.agent.bus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.threads.Threads;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * This JVM's listening socket on the session bus, {@code <session dir>/<pid>.sock}. The thread that
 * calls {@link #serve()} blocks in {@code accept}; each connection is served by a daemon thread of
 * its own for as long as it lasts (kept a few seconds for the next connection). Idle, the endpoint
 * holds one thread and uses no CPU. Thread-safe.
 */
final class Endpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

    /** An endpoint as found in the session directory. */
    record Address(long pid, Path socket) {
    }

    private final ServerSocketChannel server;
    private final Path socket;
    private final Conversation.Host host;
    private volatile Watchdog watchdog; // made by the serving thread, off the agent's start-up path
    private volatile ExecutorService threads; // likewise
    private final Connections connections = new Connections();
    private final Peers peers;

    private Endpoint(ServerSocketChannel server, Path socket, Conversation.Host host, Peers peers) {
        this.server = server;
        this.socket = socket;
        this.host = host;
        this.peers = peers;
    }

    /** Binds {@code <pid>.sock} in {@code directory} (replacing a stale one); {@link #serve()} next. */
    static Endpoint bind(SessionDirectory directory, Conversation.Host host) throws IOException {
        long pid = ProcessHandle.current().pid();
        Path socket = directory.socketFor(pid);
        // Bound and listening under a private name first, then renamed: an initiator never finds
        // the socket before it accepts, so it never mistakes a socket being set up for a dead one.
        Path binding = directory.path().resolve(pid + ".binding");
        Files.deleteIfExists(binding); // our pid, so whatever is there belongs to a dead process
        Peers peers = Peers.ownerOf(directory.path()); // checked to be ours, so its owner is this process's user
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(binding));
            Files.setPosixFilePermissions(binding, PosixFilePermissions.fromString("rw-------"));
            Files.move(binding, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(binding);
            throw e;
        }
        Endpoint endpoint = new Endpoint(server, socket, host, peers);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close, "endsession-bus-close"));
        } catch (IllegalStateException exiting) { // the JVM began to exit while this thread bound the socket
            endpoint.close(); // no socket left behind
            throw new JvmExiting();
        }
        return endpoint;
    }

    /** The JVM exits before the endpoint could be opened: nothing to report, nothing left behind. */
    static final class JvmExiting extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        JvmExiting() {
            super("the JVM is exiting");
        }
    }

    /** @return the socket's path */
    Path socket() {
        return socket;
    }

    /** Accepts connections on the calling thread until the endpoint is closed. */
    void serve() {
        watchdog = new Watchdog();
        threads = Threads.cached("endsession-bus-connection");
        threads.execute(new SelfGreeting(socket, watchdog)); // connects once this thread accepts, just below
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                String refusal = peers.refusal(channel);
                if (refusal != null) {
                    connections.warn("The bus endpoint refused a connection: " + refusal);
                    channel.close();
                    continue;
                }
                if (!connections.admit(channel)) {
                    continue;
                }
                try {
                    threads.execute(new Conversation(channel, host, watchdog, connections));
                } catch (RuntimeException | OutOfMemoryError e) { // no thread for it: hang up rather than leave it waiting
                    connections.closed(channel);
                    throw e;
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                connections.warn("The bus endpoint could not accept a connection: " + e);
                pause(); // out of file descriptors or threads: let it pass rather than spin
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Also the JVM exit's hook, so no thread is left blocked in {@code accept} or {@code read}:
     * HotSpot waits at exit for threads in native code, which every app would pay. The socket file
     * goes too; a killed JVM leaves a stale one, which the next initiator removes.
     */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the bus endpoint: {}", e.toString());
        }
        connections.closeAll();
        Watchdog timer = watchdog;
        if (timer != null) {
            timer.close();
        }
        ExecutorService pool = threads;
        if (pool != null) {
            pool.shutdown();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("Removing {}: {}", socket, e.toString());
        }
    }
}
