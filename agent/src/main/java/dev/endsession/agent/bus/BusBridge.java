package dev.endsession.agent.bus;

import dev.endsession.agent.Bridge;
import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;

/**
 * The simulated session bus as this JVM's bridge: an {@link Endpoint} in the session directory that
 * lets initiators query, end, notify and terminate this JVM, and {@link #initiate} to start a round
 * from inside the app ({@code EndSession.logoff()}). Loaded by name from {@code Bridges}.
 */
public final class BusBridge implements Bridge {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

    private final Map<String, String> env;
    private volatile Endpoint endpoint;

    /** A bridge configured from the process's environment. */
    public BusBridge() {
        this(System.getenv());
    }

    BusBridge(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public void start(Coordinator coordinator, AgentOptions options) throws IOException {
        SessionDirectory directory = SessionDirectory.create(SessionDirectory.root(env), SessionDirectory.ownSession(env));
        endpoint = Endpoint.open(directory, new Host(coordinator, options));
        LOG.debug("Listening on {}", endpoint.socket());
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        Initiator initiator = Initiator.fromEnvironment(env);
        long self = ProcessHandle.current().pid();
        RoundOptions options = new RoundOptions(reason, RoundOptions.Mode.MODERN, force, false, false,
                RoundOptions.DEFAULT_TIMEOUT, false, self);
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

    @Override
    public void close() {
        Endpoint current = endpoint;
        if (current != null) {
            current.close();
        }
    }

    /** {@code System.exit(0)} on a fresh thread: the app's shutdown hooks run; ours finds the cleanup done. */
    private static void exitSoon() {
        Thread exit = new Thread(() -> System.exit(0), "endsession-exit-request");
        exit.start();
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
            Thread notice = new Thread(() -> {
                coordinator.end(reasons, Instant.now().plus(budget));
                System.exit(0);
            }, "endsession-console-notice");
            notice.start();
        }
    }
}
