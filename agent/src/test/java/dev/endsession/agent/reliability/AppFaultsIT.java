package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An app killed (SIGKILL) at each step of a round: the round finishes, the others are unharmed, the next round works. */
class AppFaultsIT extends BusFaults {

    @Test
    @Timeout(120)
    void killedBeforeTheRoundLeavesAStaleSocketThatTheNextRoundRemoves() throws Exception {
        TestJvm dead = session.app("name=dead");
        TestJvm good = session.app("name=good");
        Signals.kill(dead.process());
        Path socket = sessionDir().resolve(dead.pid() + ".sock");
        assertTrue(Files.exists(socket), "a killed JVM leaves its socket behind");

        BusSession.Run run = assertLogoffEnds(good);
        assertEquals(1, count(run.out(), "\"pid\":"), "only the live app took part: " + run.out());
        assertFalse(Files.exists(socket), "the stale socket was removed");
    }

    TestJvm slow;
    TestJvm good;

    /** Runs {@code logoff} over a good app and a slow one, and SIGKILLs the slow one when its {@code phase} begins. */
    BusSession.Run logoffKillingTheSlowAppIn(String phase) throws Exception {
        slow = faulty("slow", phase);
        good = session.app("name=good");
        CompletableFuture<BusSession.Run> round = CompletableFuture.supplyAsync(() -> session.cli("logoff", "--json"));
        slow.awaitLine("^fault " + phase + " begins$", WAIT);
        Signals.kill(slow.process());
        return round.get();
    }

    @Test
    @Timeout(120)
    void killedDuringTheQueryCountsAsHungAndCancelsTheRound() throws Exception {
        BusSession.Run run = logoffKillingTheSlowAppIn("query");
        assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("\"answer\":\"hung\",\"reason\":\"no answer: the app hung up\""), run.out());
        assertTrue(good.process().isAlive());
        assertEquals(1, session.events("cancelled", good).size());
        assertLogoffEnds(good);
    }

    @Test
    @Timeout(120)
    void killedDuringTheEndDoesNotStopTheRoundEndingTheOthers() throws Exception {
        BusSession.Run run = logoffKillingTheSlowAppIn("end");
        assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("\"name\":\"faulty\",\"answer\":\"ok\",\"reason\":\"\",\"queryMs\":"), run.out());
        assertTrue(run.out().matches("(?s).*\"name\":\"faulty\".*?\"endMs\":null.*"), "its end never confirmed: " + run.out());
        assertEquals(0, good.awaitExit(WAIT));
        assertEquals(1, session.events("end", good).size());
        assertEquals(0, session.events("end", slow).size(), "killed before its other cleanup ran");
    }
}
