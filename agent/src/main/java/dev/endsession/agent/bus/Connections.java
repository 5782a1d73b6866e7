package dev.endsession.agent.bus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoint's open connections, bounded so a flood of them cannot exhaust the app: at most
 * {@link #MAX_SILENT} wait for their first frame (a newer one closes the oldest: a real initiator
 * speaks at once, so it is never the oldest), at most {@link #MAX_OPEN} in all (more are refused),
 * and at most {@link #WARNINGS_PER_MINUTE} warning lines a minute. Thread-safe.
 */
final class Connections {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");
    /** A client must send its whole first frame within this, or it is disconnected. */
    static final Duration FIRST_FRAME = Duration.ofSeconds(5);
    /** Between frames of one connection: past this the initiator counts as gone (the lease ends). */
    static final Duration NEXT_FRAME = Duration.ofMinutes(2);
    /** Each connection's read and write buffer: a request or reply of the protocol fits many times over. */
    static final int BUFFER = 4096;
    /** Connections waiting for their first frame: an initiator has one per app at a time, a status another. */
    static final int MAX_SILENT = 64;
    /** Connections in all. */
    static final int MAX_OPEN = 256;
    /** Past this, warnings are counted, and the count said with the next minute's first one. */
    static final int WARNINGS_PER_MINUTE = 20;

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<SocketChannel> silent = new ArrayDeque<>(); // guarded by this; oldest first
    private long minuteStart = System.nanoTime() - MINUTE; // guarded by this
    private int warned; // guarded by this: in this minute
    private int suppressed; // guarded by this

    /** On the accepting thread. @return {@code true} if the connection is to be served; else it was closed */
    boolean admit(SocketChannel channel) {
        if (open.size() >= MAX_OPEN) {
            closeQuietly(channel);
            warn("Refused a bus connection: " + MAX_OPEN + " are open");
            return false;
        }
        SocketChannel oldest = null;
        synchronized (this) {
            if (silent.size() >= MAX_SILENT) {
                oldest = silent.pollFirst();
            }
            silent.addLast(channel);
        }
        open.add(channel);
        if (oldest != null) {
            closeQuietly(oldest);
            warn("Closed a bus connection that had sent nothing: " + MAX_SILENT + " newer ones wait for their first frame");
        }
        return true;
    }

    /** The connection's first frame arrived. */
    synchronized void spoke(SocketChannel channel) {
        silent.remove(channel);
    }

    /** The connection is over: closes it. */
    void closed(SocketChannel channel) {
        closeQuietly(channel);
        open.remove(channel);
        spoke(channel);
    }

    /** A connection was closed because nothing complete arrived within {@code timeout}. */
    void silent(Duration timeout) {
        warn("Closed a bus connection: nothing complete arrived within " + timeout.toMillis() + " ms");
    }

    /** Logs {@code line} as a warning, unless this minute had its share. */
    void warn(String line) {
        int more;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - minuteStart >= MINUTE) {
                minuteStart = now;
                warned = 0;
            }
            if (++warned > WARNINGS_PER_MINUTE) {
                suppressed++;
                return;
            }
            more = suppressed;
            suppressed = 0;
        }
        if (more == 0) {
            LOG.warn("{}", line);
        } else {
            LOG.warn("{} ({} more bus connection warnings were not shown)", line, more);
        }
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
