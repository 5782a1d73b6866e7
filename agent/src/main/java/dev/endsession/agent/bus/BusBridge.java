package dev.endsession.agent.bus;

import dev.endsession.agent.Bridge;
import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The simulated session bus as this JVM's bridge: an {@link Endpoint} in the session directory that
 * lets initiators query, end, notify and terminate this JVM, and {@link #initiate} to start a round
 * from inside the app ({@code EndSession.logoff()}). Loaded by name from {@code Bridges}.
 */
public final class BusBridge implements Bridge {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

    /** How long {@link #initiate} waits for this JVM's own endpoint to be listening. */
    private static final Duration STARTING = Duration.ofSeconds(10);

    private final Map<String, String> env;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Endpoint endpoint;
    private volatile boolean closed;

    /** A bridge configured from the process's environment. */
    public BusBridge() {
        this(System.getenv());
    }

    BusBridge(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Starts the endpoint on its own daemon thread, which then serves it. The first Unix-domain
     * channel of a JVM costs tens of milliseconds (the JDK seeds a {@code SecureRandom} for it), so
     * none of that is on the application's start-up path; a directory that is refused is reported
     * from that thread, in one line.
     */
    @Override
    public void start(Coordinator coordinator, AgentOptions options) {
        Thread thread = new Thread(new Starter(new Host(coordinator, options)), "endsession-bus");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens the session directory and the endpoint, then serves it on this thread. */
    private final class Starter implements Runnable {
        private final Host host;

        Starter(Host host) {
            this.host = host;
        }

        @Override
        public void run() {
            Endpoint opened;
            try {
                SessionDirectory directory = SessionDirectory.create(SessionDirectory.root(env), SessionDirectory.ownSession(env));
                opened = Endpoint.bind(directory, host);
            } catch (Endpoint.JvmExiting e) {
                started.countDown(); // a JVM that lived a few milliseconds: not worth a line on its stderr
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("Not on the session bus: {}", e.getMessage());
                started.countDown();
                return;
            }
            endpoint = opened;
            started.countDown();
            if (closed) {
                opened.close();
                return;
            }
            LOG.debug("Listening on {}", opened.socket());
            opened.serve();
        }
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        awaitStarted();
        Initiator initiator = Initiator.fromEnvironment(env);
        long self = ProcessHandle.current().pid();
        RoundOptions options = RoundOptions.of(reason).withForce(force).withSelfPid(self);
        RoundResult result;
        try {
            result = initiator.run(initiator.ownSession(), options, Progress.NONE);
        } catch (BusException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (result.ended()) {
            // Ended like every other app; the round left this JVM for last, so the others are gone first.
            exitSoon();
        }
        return result.ended();
    }

    @Override
    public String id() {
        return "bus";
    }

    /** This JVM must be listening before it starts a round, or it would not be part of it. */
    private void awaitStarted() {
        try {
            if (!started.await(STARTING.toMillis(), TimeUnit.MILLISECONDS) || endpoint == null) {
                throw new IllegalStateException("This JVM is not on the session bus (see the error logged at start-up)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the session bus endpoint", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        Endpoint current = endpoint;
        if (current != null) {
            current.close();
        }
    }

    /** {@code System.exit(0)} on a fresh thread: the app's shutdown hooks run; ours finds the cleanup done. */
    private static void exitSoon() {
        Thread exit = new Thread(new SystemExit(), "endsession-exit-request");
        exit.start();
    }

    /** {@code System.exit(0)}: the JVM's own shutdown, hooks and all. */
    private static final class SystemExit implements Runnable {
        @Override
        public void run() {
            System.exit(0);
        }
    }

    /** What the endpoint serves: this JVM. */
    private static final class Host implements Conversation.Host {
        private final Coordinator coordinator;
        private final AgentOptions options;

        Host(Coordinator coordinator, AgentOptions options) {
            this.coordinator = coordinator;
            this.options = options;
        }

        @Override
        public Coordinator coordinator() {
            return coordinator;
        }

        @Override
        public String name() {
            return options.name();
        }

        @Override
        public int level() {
            return options.level();
        }

        @Override
        public boolean service() {
            return options.service();
        }

        @Override
        public void exit() {
            exitSoon();
        }

        @Override
        public void consoleEnd(Set<Reason> reasons, Duration budget) {
            // As HotSpot's console handler: the JVM exits; the cleanups see the notice's reasons first.
            // Claimed before the reply: the initiator's Exit, which may come right after it, then
            // waits for these cleanups instead of running them as a plain JVM exit.
            coordinator.endOnNewThread(reasons, Instant.now().plus(budget), new SystemExit(), "endsession-console-notice");
        }
    }
}
