package dev.endsession.agent.linux.xsmp;

import dev.endsession.agent.Bridge;
import dev.endsession.agent.bus.BusBridge;
import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;

/**
 * Interim: {@code bridge=auto} on Linux until the Linux bridge ({@code dev.endsession.agent.linux.LinuxBridge},
 * which starts every session protocol) replaces it: the simulated bus, and XSMP beside it. Delete
 * it then, with its line in {@code Bridges}.
 */
public final class XsmpBesideBus implements Bridge {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.xsmp");

    private final BusBridge bus = new BusBridge();
    private final XsmpProtocol xsmp = new XsmpProtocol();

    @Override
    public void start(Coordinator coordinator, AgentOptions options) throws Exception {
        bus.start(coordinator, options);
        try {
            if (!xsmp.start(coordinator, options)) {
                LOG.debug("No XSMP session manager for this JVM");
            }
        } catch (Exception | LinkageError e) {
            LOG.debug("XSMP did not start ({})", e.toString());
        }
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        return bus.initiate(reason, force);
    }

    @Override
    public String id() {
        return "bus";
    }

    @Override
    public void close() {
        xsmp.close();
        bus.close();
    }
}
