package dev.endsession.agent.bus;

import dev.endsession.api.Reason;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * "Who would block, and why?" without ending anything: a {@link Round} in which every app is
 * queried with interaction not allowed (no prompt appears; a question gets its default answer at
 * once) and then told the round is cancelled, whatever it answered. The round's own rules decide
 * who would veto and who is hung; nothing is ended, terminated or sent a console notice
 * ({@code notifyOnly}). Its {@link RoundResult#ended()} means "nobody would block".
 */
final class Probe {

    private Probe() {
    }

    /** @return {@code apps} as a probe sees them */
    static List<App> of(List<? extends App> apps) {
        return apps.stream().<App>map(Probed::new).toList();
    }

    /** @return options for a probe of a {@code kind} with the hung timeout {@code timeout} */
    static RoundOptions options(Reason kind, Duration timeout) {
        return RoundOptions.of(kind).withTimeout(timeout).withNotifyOnly(true);
    }

    /** @return {@code progress} told who is asked and what they answered; the cancel that always follows is not news */
    static Progress answersOnly(Progress progress) {
        return new Progress() {
            @Override
            public void asking(AppOutcome app) {
                progress.asking(app);
            }

            @Override
            public void answered(AppOutcome app) {
                progress.answered(app);
            }

            @Override
            public void slow(AppOutcome app, Duration waited) {
                progress.slow(app, waited);
            }
        };
    }

    /** One app in a probe: asked without interaction; an end is sent as a cancellation; never terminated. */
    private record Probed(App app) implements App {
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
            return app.service();
        }

        @Override
        public Answer query(Set<Reason> reasons, Duration timeout) throws IOException {
            return app.query(reasons, timeout, false);
        }

        @Override
        public Cleanup end(Set<Reason> reasons, boolean ending, Duration timeout) throws IOException {
            return app.end(reasons, false, timeout); // nobody's cleanup runs in a probe
        }

        @Override
        public boolean notice(Set<Reason> reasons, Duration timeout) {
            return false;
        }

        @Override
        public boolean terminate(boolean ask, Duration grace) {
            return false;
        }

        @Override
        public boolean alive() {
            return app.alive();
        }

        @Override
        public void close() {
            app.close();
        }
    }
}
