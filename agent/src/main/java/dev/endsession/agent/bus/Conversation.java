package dev.endsession.agent.bus;

import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.FrameWriter;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.bus.wire.WireException;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One initiator's connection to this JVM's endpoint, on a thread of its own for as long as it lasts:
 * reads a request, drives the coordinator, writes the reply, until the initiator hangs up. A
 * malformed frame, or silence past the read timeout, closes this connection only, with a logged reason.
 *
 * <p>The round's lease: if the connection drops after a query and before the matching end, the
 * initiator is gone mid-round and the round is cancelled here, so the app returns to idle.
 */
final class Conversation implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

    private final SocketChannel channel;
    private final Host host;
    private final Watchdog watchdog;
    private final Connections connections;
    private Set<Reason> openRound;
    private boolean exiting;

    /** @param connections the endpoint's open connections: this one leaves them when it ends */
    Conversation(SocketChannel channel, Host host, Watchdog watchdog, Connections connections) {
        this.channel = channel;
        this.host = host;
        this.watchdog = watchdog;
        this.connections = connections;
    }

    /** Serves the connection from its first frame until the initiator hangs up. */
    @Override
    public void run() {
        FrameReader in = new FrameReader(channel, ByteBuffer.allocate(Connections.BUFFER));
        FrameWriter out = new FrameWriter(channel, ByteBuffer.allocate(Connections.BUFFER));
        Duration timeout = Connections.FIRST_FRAME;
        Watchdog.Deadline deadline = watchdog.watch(channel);
        try {
            while (true) {
                deadline.reading(timeout);
                Message request;
                try {
                    request = in.read();
                } catch (IOException e) {
                    if (deadline.read()) {
                        connections.silent(timeout);
                    } else if (e instanceof WireException) {
                        connections.warn("Closed a bus connection after a bad frame: " + e.getMessage());
                    } else {
                        LOG.debug("A bus connection broke: {}", e.toString());
                    }
                    return;
                }
                deadline.read();
                if (request == null) {
                    return;
                }
                if (timeout == Connections.FIRST_FRAME) {
                    connections.spoke(channel);
                }
                Message reply = serve(request);
                if (reply == null) {
                    return; // the JVM is exiting: the initiator sees the app leave
                }
                out.write(reply);
                if (exiting) {
                    host.exit(); // once the reply is sent
                    return;
                }
                timeout = Connections.NEXT_FRAME;
            }
        } catch (IOException e) {
            LOG.debug("A bus connection broke while replying: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Closed a bus connection: {}", e.toString());
        } finally {
            deadline.stop();
            end();
        }
    }

    private void end() {
        connections.closed(channel);
        if (openRound != null) {
            LOG.warn("The initiator left mid-round; the round is cancelled");
            host.coordinator().cancel(openRound);
            openRound = null;
        }
    }

    /** @return the reply, or {@code null} for none: the JVM is exiting */
    private Message serve(Message request) {
        Coordinator coordinator = host.coordinator();
        if (request instanceof Message.Hello) {
            return new Message.Info(ProcessHandle.current().pid(), host.name(), host.level(),
                    coordinator.state().name().toLowerCase(Locale.ROOT), coordinator.blockReasons(), host.service());
        } else if (request instanceof Message.Query q) {
            openRound = q.reasons();
            QueryReport report = coordinator.query(q.reasons(), Instant.now().plusMillis(q.millis()), q.interactionAllowed());
            return new Message.Answer(report.vetoed(), report.blockReasons(), report.hung());
        } else if (request instanceof Message.End e) {
            openRound = null;
            if (!e.ending()) {
                long start = System.nanoTime();
                coordinator.cancel(e.reasons());
                return new Message.Ended(List.of(), List.of(), List.of(), (System.nanoTime() - start) / 1_000_000);
            }
            EndReport report = coordinator.end(e.reasons(), Instant.now().plusMillis(e.millis()));
            if (coordinator.exiting()) {
                return null; // a cleanup called System.exit: no reply, so the app is reported as exiting during its cleanup
            }
            return new Message.Ended(report.finished(), report.failed(), report.overran(), report.took().toMillis());
        } else if (request instanceof Message.Notice n) {
            if (Policy.serviceCarriesOn(host.service(), n.reasons())) {
                return new Message.Ack("ignored: a service survives a logoff");
            }
            host.consoleEnd(n.reasons(), Duration.ofMillis(n.millis()));
            return new Message.Ack("exiting");
        } else if (request instanceof Message.Exit) {
            exiting = true;
            return new Message.Ack("exiting");
        }
        return new Message.Failure("an app does not accept " + request.getClass().getSimpleName() + " requests");
    }

    /** What a conversation serves: the JVM's coordinator and identity, and how it exits. */
    interface Host {
        Coordinator coordinator();

        String name();

        int level();

        boolean service();

        /** Exits the JVM normally, soon, on another thread (the reply is sent first). */
        void exit();

        /** The console notice: runs the cleanups with these reasons, then exits, on another thread. */
        void consoleEnd(Set<Reason> reasons, Duration budget);
    }
}
