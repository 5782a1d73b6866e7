package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.JobControl;
import dev.endsession.agent.testing.TestJvm;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The initiator (a real CLI process) killed at each step of a round, and two initiators at once.
 * (Killed during the query: {@code LeaseIT}.) Every case ends with a round that works.
 */
class InitiatorFaultsIT extends BusFaults {

    @Test
    @Timeout(120)
    void killedWhileConnectingToAFrozenAppLeavesEveryAppIdle() throws Exception {
        TestJvm frozen = session.app("name=frozen");
        TestJvm good = session.app("name=good");
        JobControl.stop(frozen.pid());
        Process cli = session.initiator("logoff");
        try {
            Signals.awaitLockedElsewhere(sessionDir().resolve("round.lock"), WAIT); // the round has begun
            Signals.kill(cli);
        } finally {
            JobControl.resume(frozen.pid());
        }
        assertEquals(0, session.events("", good).size(), "nobody was asked anything");
        assertLogoffEnds(frozen, good);
    }

    @Test
    @Timeout(120)
    void killedDuringTheEndLetsTheCleanupsFinishOnceAndTheNextRoundTerminates() throws Exception {
        TestJvm slow = faulty("slow", "end");
        TestJvm good = session.app("name=good");
        Process cli = session.initiator("logoff");
        slow.awaitLine("^fault end begins$", WAIT);
        Signals.kill(cli);
        session.awaitEvent("end", slow); // its other cleanup still ran, after the slow one
        assertTrue(slow.process().isAlive() && good.process().isAlive(), "nobody is left to terminate them");
        assertLogoffEnds(slow, good);
        assertEquals(1, session.events("end", slow).size(), "cleanups run once per JVM");
        assertEquals(1, session.events("end", good).size(), "cleanups run once per JVM");
    }

    @Test
    @Timeout(120)
    void aSecondInitiatorDuringARoundFailsAtOnceAndTheFirstFinishes() throws Exception {
        TestJvm slow = faulty("slow", "query");
        TestJvm good = session.app("name=good");
        Process first = session.initiator("logoff", "--json");
        slow.awaitLine("^fault query begins$", WAIT);

        BusSession.Run second = session.cli("logoff", "--json");
        assertEquals(Cli.FAILURE, second.code(), second.out() + second.err());
        assertTrue(second.err().contains("another end-of-session round is running"), second.err());
        assertTrue(first.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Cli.ENDED, first.exitValue());
        assertEquals(0, slow.awaitExit(WAIT));
        assertEquals(0, good.awaitExit(WAIT));
        assertEquals(1, session.events("query", good).size(), "the second initiator asked nobody");
    }
}
