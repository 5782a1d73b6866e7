package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.StallingListener;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round's lease: an initiator killed mid-round cancels the round in every app it reached. */
class LeaseIT {

    @TempDir
    Path dir;

    @Test
    void anInitiatorKilledMidRoundLeavesTheAppsIdleAndTheNextRoundWorks() throws Exception {
        try (BusSession session = new BusSession(dir)) {
            TestJvm slow = session.app("default", "name=slow,budget=30s", List.of(StallingListener.class),
                    "-D" + StallingListener.STALL + "=3000");
            TestJvm quick = session.app("name=quick");
            Process cli = session.initiator("logoff");
            try {
                session.awaitEvent("query", quick); // the round is under way: quick agreed, slow is still thinking
                session.awaitEvent("query", slow); // recorded before the stall: listeners run in registration order
                cli.destroyForcibly();
                assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
            } finally {
                cli.destroyForcibly();
            }

            session.awaitEvent("cancelled", quick);
            session.awaitEvent("cancelled", slow);
            // The record is written while the cancel is told; the app is idle once every listener heard it.
            BusSession.await(() -> session.cli("status", "--json").out().split("\"state\":\"idle\"", -1).length - 1 == 2,
                    "both apps idle", slow);
            assertEquals(0, session.events("end", quick).size());

            BusSession.Run next = session.cli("logoff", "--force");
            assertEquals(Cli.ENDED, next.code(), next.out() + next.err());
            assertEquals(0, slow.awaitExit(RoundIT.GONE));
            assertEquals(0, quick.awaitExit(RoundIT.GONE));
        }
    }
}
