package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.JobControl;
import dev.endsession.agent.testing.StallingListener;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps that do not answer: a listener that never returns, and a process that is frozen outright. */
class HungIT {

    @TempDir
    Path dir;

    TestJvm hanging(BusSession session) {
        return session.app("default", "name=hanging,budget=1m", List.of(StallingListener.class), "-D" + StallingListener.STALL + "=forever");
    }

    @Test
    void withoutForceIfHungAHungAppBlocksTheRoundAndNobodyEnds() {
        try (BusSession session = new BusSession(dir)) {
            TestJvm hung = hanging(session);
            TestJvm fine = session.app("name=fine");

            BusSession.Run run = session.cli("logoff", "--timeout", "2s", "--json");

            assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
            // "not responding: Stalling" as a rule; "no answer within" if the machine is so loaded that even that is late
            assertTrue(run.out().contains("\"name\":\"hanging\",\"answer\":\"hung\""), run.out());
            assertTrue(hung.process().isAlive() && fine.process().isAlive());
            assertEquals(1, session.events("cancelled", fine).size());
            assertEquals(0, session.events("end", fine).size());
        }
    }

    @Test
    void withForceIfHungTheHungAppIsKilledAndTheOthersEnd() {
        try (BusSession session = new BusSession(dir)) {
            TestJvm hung = hanging(session);
            TestJvm fine = session.app("name=fine");

            BusSession.Run run = session.cli("logoff", "--timeout", "2s", "--force-if-hung", "--json");

            assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
            assertNotEquals(0, hung.awaitExit(RoundIT.GONE), "killed, not exited");
            assertEquals(0, session.events("end", hung).size(), "a killed app runs no cleanup");
            assertEquals(0, fine.awaitExit(RoundIT.GONE));
            assertEquals(1, session.events("end", fine).size());
        }
    }

    @Test
    void aFrozenProcessIsHungAndForceIfHungKillsIt() {
        try (BusSession session = new BusSession(dir)) {
            TestJvm frozen = session.app("name=frozen");
            TestJvm fine = session.app("name=fine");
            JobControl.stop(frozen.pid());

            BusSession.Run blocked = session.cli("logoff", "--timeout", "3s", "--json");
            assertEquals(Cli.CANCELLED, blocked.code(), blocked.out() + blocked.err());
            // A frozen app cannot say its name: it is read from its command line (name=frozen).
            assertTrue(blocked.out().contains("{\"pid\":" + frozen.pid() + ",\"name\":\"frozen\",\"answer\":\"hung\""),
                    blocked.out());
            assertTrue(fine.process().isAlive() && frozen.process().isAlive());
            BusSession.Run status = session.cli("status");
            assertTrue(status.out().contains("not-responding"), status.out());
            BusSession.Run text = session.cli("logoff", "--timeout", "3s");
            assertEquals(Cli.CANCELLED, text.code(), text.out() + text.err());
            // "hung frozen (pid 42): ...", not "(not responding) (pid 42) in 0 ms"
            assertTrue(text.out().contains("hung       frozen (pid " + frozen.pid() + "): "), text.out());
            assertTrue(!text.out().contains(" in 0 ms"), text.out());

            BusSession.Run forced = session.cli("logoff", "--timeout", "3s", "--force-if-hung");
            assertEquals(Cli.ENDED, forced.code(), forced.out() + forced.err());
            assertNotEquals(0, frozen.awaitExit(RoundIT.GONE));
            assertEquals(0, fine.awaitExit(RoundIT.GONE));
        }
    }
}
