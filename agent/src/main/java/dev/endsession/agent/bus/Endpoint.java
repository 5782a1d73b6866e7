package dev.endsession.agent.bus;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;

/**
 * This JVM's listening socket on the session bus, {@code <session dir>/<pid>.sock}. One daemon
 * acceptor thread blocks in {@code accept}; each connection gets a daemon thread of its own for as
 * long as it lasts. Idle, the endpoint holds one thread and uses no CPU. Thread-safe.
 */
final class Endpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");
    /** A client must send its first frame within this, or it is disconnected. */
    static final Duration FIRST_FRAME = Duration.ofSeconds(5);
    /** Between frames of one connection: past this the initiator counts as gone (the lease ends). */
    static final Duration NEXT_FRAME = Duration.ofMinutes(2);

    /** An endpoint as found in the session directory. */
    record Address(long pid, Path socket) {
    }

    private final ServerSocketChannel server;
    private final Path socket;
    private final Conversation.Host host;
    private volatile Watchdog watchdog; // made by the acceptor thread, off the agent's start-up path
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private Endpoint(ServerSocketChannel server, Path socket, Conversation.Host host) {
        this.server = server;
        this.socket = socket;
        this.host = host;
        this.acceptor = new Thread(new Acceptor(), "endsession-bus");
        acceptor.setDaemon(true);
    }

    /** Binds {@code <pid>.sock} in {@code directory} (replacing a stale one) and starts accepting. */
    static Endpoint open(SessionDirectory directory, Conversation.Host host) throws IOException {
        Path socket = directory.socketFor(ProcessHandle.current().pid());
        Files.deleteIfExists(socket); // our pid, so whatever is there belongs to a dead process
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        socket.toFile().deleteOnExit(); // a normal exit leaves no socket behind; a kill leaves a stale one, removed later
        Endpoint endpoint = new Endpoint(server, socket, host);
        endpoint.acceptor.start();
        return endpoint;
    }

    /** @return the socket's path */
    Path socket() {
        return socket;
    }

    /** The acceptor thread's loop (a class, not a lambda: no lambda bootstrap at agent start-up). */
    private final class Acceptor implements Runnable {
        @Override
        public void run() {
            watchdog = new Watchdog();
            accept();
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                Thread thread = new Thread(new Conversation(channel, host, watchdog, FIRST_FRAME, NEXT_FRAME),
                        "endsession-bus-" + connections.incrementAndGet());
                thread.setDaemon(true);
                thread.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                LOG.warn("The bus endpoint could not accept a connection: {}", e.toString());
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

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the bus endpoint: {}", e.toString());
        }
        Watchdog timer = watchdog;
        if (timer != null) {
            timer.close();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("Removing {}: {}", socket, e.toString());
        }
    }
}
