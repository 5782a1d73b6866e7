package dev.endsession.agent.bus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The endpoint's open connections. Thread-safe. */
final class Connections {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");
    /** A client must send its whole first frame within this, or it is disconnected. */
    static final Duration FIRST_FRAME = Duration.ofSeconds(5);
    /** Between frames of one connection: past this the initiator counts as gone (the lease ends). */
    static final Duration NEXT_FRAME = Duration.ofMinutes(2);
    /** Each connection's read and write buffer: a request or reply of the protocol fits many times over. */
    static final int BUFFER = 4096;

    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    /** @return {@code true} if the connection is to be served */
    boolean admit(SocketChannel channel) {
        open.add(channel);
        return true;
    }

    /** The connection's first frame (or a later one) arrived. */
    void spoke(SocketChannel channel) {
    }

    /** The connection is over: closes it. */
    void closed(SocketChannel channel) {
        closeQuietly(channel);
        open.remove(channel);
    }

    /** A connection was closed because nothing complete arrived within {@code timeout}. */
    void silent(Duration timeout) {
        warn("Closed a bus connection: nothing complete arrived within " + timeout.toMillis() + " ms");
    }

    void warn(String line) {
        LOG.warn("{}", line);
    }

    /** Closes every open connection (the endpoint closes). */
    void closeAll() {
        for (SocketChannel channel : open) {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a bus connection: {}", e.toString());
        }
    }
}
