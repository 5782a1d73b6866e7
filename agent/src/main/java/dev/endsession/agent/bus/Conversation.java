package dev.endsession.agent.bus;

import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.FrameWriter;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.bus.wire.WireException;
import dev.endsession.agent.core.CallerRuns;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.ListenerAnswer;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.agent.core.RoundState;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.threads.Workers;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One initiator's connection to this JVM's endpoint, on a thread of its own for as long as it lasts
 * (given the thread's buffers): reads a request, drives the coordinator, writes the reply, until
 * the initiator hangs up. A malformed frame, or silence past the read timeout, closes this
 * connection only, with a logged reason.
 *
 * <p>Listeners are called on this thread ({@link CallerRuns}): a listener that overruns its budget
 * keeps the thread, and the conversation moves to another one, which replies in time and goes on
 * reading (what the first thread's reader held unread moves along).
 *
 * <p>The round's lease: if the connection drops after a query and before the matching end, the
 * initiator is gone mid-round and the round is cancelled here, so the app returns to idle.
 */
final class Conversation implements Workers.Task<Buffers> {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");
    /** The states as the wire says them ({@code idle}, ...), by ordinal. */
    private static final String[] STATES = states();

    private final SocketChannel channel;
    private final Host host;
    private final Watchdog watchdog;
    private final Workers<Buffers> workers;
    private final Set<SocketChannel> open;
    private final Duration firstFrame;
    private final Duration nextFrame;
    private final CallerRuns here = new GivingUp();
    // Touched by the one thread the conversation is on at a time (a move hands them over):
    private Set<Reason> openRound;
    private boolean exiting;
    private volatile FrameReader in;
    private volatile byte[] unread = new byte[0];
    private volatile Buffers moved;

    /**
     * @param open the endpoint's open connections: this one leaves it when it ends
     */
    Conversation(SocketChannel channel, Host host, Watchdog watchdog, Workers<Buffers> workers, Set<SocketChannel> open,
            Duration firstFrame, Duration nextFrame) {
        this.channel = channel;
        this.host = host;
        this.watchdog = watchdog;
        this.workers = workers;
        this.open = open;
        this.firstFrame = firstFrame;
        this.nextFrame = nextFrame;
    }

    /** Serves the connection from its first frame, through this thread's buffers. */
    @Override
    public void run(Buffers buffers) {
        converse(new FrameReader(channel, buffers.in()), new FrameWriter(channel, buffers.out()), firstFrame, null);
    }

    /**
     * Reads requests and answers them, until the initiator hangs up, or until a listener overran
     * and the conversation moved to another thread: then this returns and leaves the channel open.
     *
     * @param reply a reply to send first (the conversation just moved here), or {@code null}
     */
    private void converse(FrameReader reader, FrameWriter out, Duration timeout, Message reply) {
        in = reader;
        boolean stays = true;
        try {
            if (reply != null && !send(out, reply)) {
                return;
            }
            while (true) {
                Watchdog.Armed armed = watchdog.arm(channel, timeout);
                Message request;
                try {
                    request = reader.read();
                } catch (IOException e) {
                    if (armed.disarm()) {
                        LOG.warn("Closed a bus connection: nothing complete arrived within {} ms", timeout.toMillis());
                    } else if (e instanceof WireException) {
                        LOG.warn("Closed a bus connection after a bad frame: {}", e.getMessage());
                    } else {
                        LOG.debug("A bus connection broke: {}", e.toString());
                    }
                    return;
                }
                armed.disarm();
                if (request == null) {
                    return;
                }
                Message answer = serve(request);
                if (answer == null) {
                    stays = false; // a listener holds this thread; the conversation went on elsewhere
                    return;
                }
                if (!send(out, answer)) {
                    return;
                }
                timeout = nextFrame;
            }
        } catch (IOException e) {
            LOG.debug("A bus connection broke while replying: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Closed a bus connection: {}", e.toString());
        } finally {
            if (stays) {
                end();
            }
        }
    }

    /** @return {@code false} once the reply said this JVM exits */
    private boolean send(FrameWriter out, Message reply) throws IOException {
        out.write(reply);
        if (exiting) {
            host.exit(); // once the reply is sent (checked here, not after every reply: one class less to load)
            return false;
        }
        return true;
    }

    private void end() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a bus connection: {}", e.toString());
        }
        open.remove(channel);
        if (openRound != null) {
            LOG.warn("The initiator left mid-round; the round is cancelled");
            host.coordinator().cancel(openRound);
            openRound = null;
        }
    }

    /** @return the reply; {@code null} if a listener overran and the conversation moved on (it replies there) */
    private Message serve(Message request) {
        Coordinator coordinator = host.coordinator();
        if (request instanceof Message.Hello) {
            return new Message.Info(ProcessHandle.current().pid(), host.name(), host.level(),
                    STATES[coordinator.state().ordinal()], coordinator.blockReasons(), host.service());
        } else if (request instanceof Message.Query q) {
            openRound = q.reasons();
            QueryReport report = coordinator.query(q.reasons(), Instant.now().plusMillis(q.millis()), q.interactionAllowed(),
                    here, new Answered());
            return report == null ? null : answer(report);
        } else if (request instanceof Message.End e) {
            openRound = null;
            if (!e.ending()) {
                long start = System.nanoTime();
                return coordinator.cancel(e.reasons(), here, new Cancelled(start)) ? cancelled(start) : null;
            }
            EndReport report = coordinator.end(e.reasons(), Instant.now().plusMillis(e.millis()));
            return new Message.Ended(report.finished(), report.failed(), report.overran(), report.took().toMillis());
        } else if (request instanceof Message.Notice n) {
            if (host.service() && !n.reasons().contains(Reason.SHUTDOWN)) {
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

    private static Message answer(QueryReport report) {
        return new Message.Answer(report.vetoed(), report.blockReasons(), hung(report));
    }

    private static Message cancelled(long start) {
        return new Message.Ended(List.of(), List.of(), List.of(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Goes on with the conversation on this thread (it moved here), the reply first. */
    private void resume(Message reply) {
        Buffers buffers = moved;
        converse(new FrameReader(channel, buffers.in(), unread), new FrameWriter(channel, buffers.out()), nextFrame, reply);
    }

    /** The query's answer, once it went on on another thread. */
    private final class Answered implements Consumer<QueryReport> {
        @Override
        public void accept(QueryReport report) {
            resume(answer(report));
        }
    }

    /** The cancel's confirmation, once it went on on another thread. */
    private final class Cancelled implements Runnable {
        private final long start;

        Cancelled(long start) {
            this.start = start;
        }

        @Override
        public void run() {
            resume(cancelled(start));
        }
    }

    /** Gives this conversation's thread up to a listener that overruns: the watchdog times it, a worker takes over. */
    private final class GivingUp implements CallerRuns {
        @Override
        public Armed arm(Duration delay, Runnable due) {
            return new Disarming(watchdog.schedule(new Due(due), delay));
        }

        @Override
        public void elsewhere(Runnable rest) {
            workers.run(new Moved(rest));
        }
    }

    /**
     * A listener's budget is spent. What the reader holds unread is copied first: if the listener is
     * given up, its thread still owns that reader's buffer, and may reuse it once the listener returns.
     * (Read while the listener runs, so the reader is still.)
     */
    private final class Due implements Runnable {
        private final Runnable due;

        Due(Runnable due) {
            this.due = due;
        }

        @Override
        public void run() {
            try {
                unread = in.unread();
            } catch (RuntimeException e) {
                // the listener answered just now and its thread reads again: nothing is given up
            }
            due.run();
        }
    }

    /** The rest of a query or cancel, on the worker the conversation moves to. */
    private final class Moved implements Workers.Task<Buffers> {
        private final Runnable rest;

        Moved(Runnable rest) {
            this.rest = rest;
        }

        @Override
        public void run(Buffers buffers) {
            moved = buffers;
            rest.run();
        }
    }

    /** The core's handle on a watchdog timer. */
    private static final class Disarming implements CallerRuns.Armed {
        private final Watchdog.Armed armed;

        Disarming(Watchdog.Armed armed) {
            this.armed = armed;
        }

        @Override
        public void disarm() {
            armed.disarm();
        }
    }

    /** {@link QueryReport#hung()} without a stream pipeline, which costs more than the rest of a reply here (interpreted). */
    private static List<String> hung(QueryReport report) {
        List<String> hung = List.of();
        for (ListenerAnswer answer : report.answers()) {
            if (answer.kind() == ListenerAnswer.Kind.HUNG) {
                if (hung.isEmpty()) {
                    hung = new ArrayList<>();
                }
                hung.add(answer.listener());
            }
        }
        return hung;
    }

    private static String[] states() {
        RoundState[] all = RoundState.values();
        String[] names = new String[all.length];
        for (RoundState state : all) {
            names[state.ordinal()] = state.name().toLowerCase(Locale.ROOT);
        }
        return names;
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
