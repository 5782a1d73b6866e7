package dev.endsession.agent.linux;

import dev.endsession.agent.Bridge;
import dev.endsession.agent.bus.BusBridge;
import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bridge of {@code bridge=auto} on Linux: the simulated session bus as everywhere (so
 * {@code status} and the CLI keep working), and the desktop's real end-of-session protocols where
 * their services exist ({@link Protocols} says which and in what order). They start on the agent's
 * start thread; a missing or broken one costs one debug line, and no JNA class is loaded where no
 * D-Bus or session manager exists. Loaded by name from {@code Bridges}.
 */
public final class LinuxBridge implements Bridge {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");

    private final Bridge bus;
    private final Map<String, String> env;
    private final List<SessionProtocol> started = new ArrayList<>();
    private Protocols protocols;

    /** A bridge configured from the process's environment. */
    public LinuxBridge() {
        this(new BusBridge(), System.getenv());
    }

    LinuxBridge(Bridge bus, Map<String, String> env) {
        this.bus = bus;
        this.env = Map.copyOf(env);
    }

    @Override
    public void start(Coordinator coordinator, AgentOptions options) throws Exception {
        bus.start(coordinator, options);
        Services here = Services.of(env);
        if (here.none()) {
            LOG.debug("No D-Bus and no XSMP session manager here: the session bus only");
            return;
        }
        protocols = new Protocols(here, new SessionEnd(coordinator));
        started.addAll(protocols.start(coordinator, options));
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        return bus.initiate(reason, force);
    }

    @Override
    public String id() {
        return "linux";
    }

    /** @return the protocols that took part, for logs and tests */
    List<String> protocolIds() {
        List<String> ids = new ArrayList<>();
        for (SessionProtocol protocol : started) {
            ids.add(protocol.id());
        }
        return ids;
    }

    @Override
    public void close() {
        if (protocols != null) {
            protocols.close();
        }
        bus.close();
    }
}
