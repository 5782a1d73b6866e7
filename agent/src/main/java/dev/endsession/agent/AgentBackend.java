package dev.endsession.agent;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.api.EndSession;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Reason;
import java.util.List;

/** What stands behind the {@link EndSession} facade: the coordinator and the bridge. */
final class AgentBackend implements EndSession.Backend {

    private final Coordinator coordinator;
    private final Bridge bridge;

    AgentBackend(Coordinator coordinator, Bridge bridge) {
        this.coordinator = coordinator;
        this.bridge = bridge;
    }

    @Override
    public void register(EndSessionListener listener) {
        coordinator.register(listener);
    }

    @Override
    public boolean remove(EndSessionListener listener) {
        return coordinator.remove(listener);
    }

    @Override
    public List<String> blockReasons() {
        return coordinator.blockReasons();
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        return bridge.initiate(reason, force);
    }
}
