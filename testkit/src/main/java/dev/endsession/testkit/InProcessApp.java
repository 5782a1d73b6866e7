package dev.endsession.testkit;

import dev.endsession.agent.bus.App;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A {@link SimulatedApp} as the initiator's {@code Round} sees an app: the calls the session bus
 * would carry over a socket go straight to the app's coordinator.
 */
final class InProcessApp implements App {

    private final SimulatedApp app;
    private final boolean interactive;

    InProcessApp(SimulatedApp app, boolean interactive) {
        this.app = app;
        this.interactive = interactive;
    }

    @Override
    public long pid() {
        return app.pid();
    }

    @Override
    public String name() {
        return app.name();
    }

    @Override
    public int level() {
        return app.level();
    }

    @Override
    public boolean service() {
        return app.isService();
    }

    @Override
    public Answer query(Set<Reason> reasons, Duration timeout) {
        QueryReport report = app.coordinator().query(reasons, Instant.now().plus(timeout), interactive);
        return new Answer(report.vetoed(), report.blockReasons(), report.hung());
    }

    @Override
    public Cleanup end(Set<Reason> reasons, boolean ending, Duration timeout) {
        if (!ending) {
            app.coordinator().cancel(reasons);
            return new Cleanup(List.of(), List.of(), List.of(), 0);
        }
        EndReport report = app.coordinator().end(reasons, Instant.now().plus(timeout));
        app.cleanedUp(report);
        return new Cleanup(report.finished(), report.failed(), report.overran(), report.took().toMillis());
    }

    @Override
    public boolean notice(Set<Reason> reasons, Duration timeout) {
        if (Policy.serviceCarriesOn(app.isService(), reasons)) {
            return false;
        }
        end(reasons, true, timeout);
        return true;
    }

    @Override
    public boolean terminate(boolean ask, Duration grace) {
        app.terminate();
        return true;
    }

    @Override
    public boolean alive() {
        return !app.terminated();
    }

    @Override
    public void close() {
        // nothing to hang up: no socket
    }
}
