package dev.endsession.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusException;
import dev.endsession.api.EndSession;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@EndSessionTest
class RealSessionIT {

    static final Duration GONE = Duration.ofSeconds(30);

    /** An app that registers its listener through the facade: vetoes with its first argument, if any. */
    public static final class App {
        public static void main(String[] args) throws InterruptedException {
            String veto = args.length > 0 ? args[0] : null;
            EndSession.register(new EndSessionListener() {
                @Override
                public Vote onQueryEndSession(QueryEndSession query) {
                    return veto == null ? Vote.allow() : Vote.veto(veto);
                }

                @Override
                public void onEndSession(EndSessionEvent event) {
                    System.out.println("cleanup " + event.reasons());
                    System.out.flush();
                }
            });
            System.out.println("ready");
            System.out.flush();
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    @Test
    void aVetoInOneRealJvmCancelsTheLogoffForAll(RealSession session) throws IOException, BusException {
        RealApp editor = session.start(App.class, "name=editor", "Unsaved changes");
        RealApp player = session.start(App.class, "name=player");
        RoundReport round = session.logoff();
        assertTrue(round.cancelled());
        assertEquals("Unsaved changes", round.app("editor").reason());
        assertTrue(editor.alive() && player.alive());
    }

    @Test
    void aForcedLogoffEndsEveryRealJvmAfterItsCleanup(RealSession session) throws IOException, BusException {
        RealApp editor = session.start(App.class, "name=editor", "Unsaved changes");
        RoundReport round = session.run(RoundSpec.logoff().force());
        assertTrue(round.ended());
        editor.awaitExit(GONE);
        assertFalse(editor.alive());
        assertTrue(editor.output().contains("cleanup [LOGOFF, FORCED]"), editor.output());
    }
}
