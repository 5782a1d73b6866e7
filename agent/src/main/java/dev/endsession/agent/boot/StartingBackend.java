package dev.endsession.agent.boot;

import dev.endsession.api.EndSession;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Reason;
import java.util.List;

/**
 * Stands behind the {@link EndSession} facade while the agent starts beside the application: each
 * call waits for the start (bounded), then goes to the running agent. So an application that
 * registers a listener first thing in {@code main} finds the agent there, as if it had started on
 * the premain thread.
 */
final class StartingBackend implements EndSession.Backend {

    private final Startup startup;

    StartingBackend(Startup startup) {
        this.startup = startup;
    }

    @Override
    public boolean running() {
        return startup.awaitRunning();
    }

    @Override
    public void register(EndSessionListener listener) {
        startup.awaitBackend().register(listener);
    }

    @Override
    public boolean remove(EndSessionListener listener) {
        return startup.awaitBackend().remove(listener);
    }

    @Override
    public List<String> blockReasons() {
        return startup.awaitBackend().blockReasons();
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        return startup.awaitBackend().initiate(reason, force);
    }
}
