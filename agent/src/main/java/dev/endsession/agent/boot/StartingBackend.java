package dev.endsession.agent.boot;

import dev.endsession.api.EndSession;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Reason;
import java.util.List;

/**
 * Stands behind the {@link EndSession} facade while the agent starts beside the application, so
 * that a slow start (a starved machine at login) never breaks the application: a listener
 * registered first thing in {@code main} is registered once the agent runs, without waiting;
 * {@code blockReasons} answers what is known; {@code isAgentPresent} and {@code logoff} and its
 * kin wait for the start, bounded ({@link Startup}).
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
        EndSession.Backend running = startup.registerOnceStarted(listener);
        if (running != null) {
            running.register(listener);
        }
    }

    @Override
    public boolean remove(EndSessionListener listener) {
        Boolean kept = startup.removeKept(listener);
        return kept != null ? kept : startup.backend().remove(listener);
    }

    @Override
    public List<String> blockReasons() {
        EndSession.Backend running = startup.backend();
        return running == null ? List.of() : running.blockReasons(); // no round reaches a JVM whose agent does not run yet
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        return startup.awaitBackend().initiate(reason, force);
    }
}
