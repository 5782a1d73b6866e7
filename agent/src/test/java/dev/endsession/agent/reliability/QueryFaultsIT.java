package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Listeners that misbehave in the query, in one app of two on a real bus. Each round finishes in
 * bounded time with the documented outcome, and the next round works.
 */
class QueryFaultsIT extends BusFaults {

    TestJvm faulty;
    TestJvm good;

    void start(String fault, String budget) {
        faulty = faulty(fault, "query", budget);
        good = session.app("name=good");
    }

    @ParameterizedTest(name = "a listener that does ''{0}'' (budget 1 s) counts as allow and the session ends")
    @ValueSource(strings = {"throw", "hang", "deadlock"})
    @Timeout(120)
    void aListenerThatThrowsOrIsCutOffByItsBudgetCountsAsAllow(String fault) {
        start(fault, "1s");
        BusSession.Run run = assertLogoffEnds(faulty, good);
        assertEquals(2, count(run.out(), "\"answer\":\"ok\""), run.out());
        assertEquals(fault.equals("throw"), !run.out().contains("\"reason\":\"over budget, counted as allow: faulty-" + fault + "\""),
                "a listener still running at its budget is named: " + run.out());
        assertEquals(1, session.events("end", faulty).size(), "the faulty app's other cleanup still ran once");
        assertEquals(1, session.events("end", good).size());
    }

    @ParameterizedTest(name = "a listener that does ''{0}'' past the round's timeout makes its app hung: cancelled, then --force-if-hung kills it")
    @ValueSource(strings = {"hang", "deadlock"})
    @Timeout(120)
    void aListenerThatNeverAnswersWithinTheRoundsTimeoutMakesItsAppHung(String fault) {
        start(fault, "30s");
        BusSession.Run run = session.cli("logoff", "--timeout", "2s", "--json");
        assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*\"name\":\"faulty\",\"answer\":\"hung\".*"), run.out());
        assertTrue(faulty.process().isAlive() && good.process().isAlive(), "nothing was terminated");
        assertEquals(1, session.events("cancelled", good).size(), "the app that agreed was told");

        BusSession.Run next = session.cli("logoff", "--force-if-hung", "--timeout", "2s", "--json");
        assertEquals(Cli.ENDED, next.code(), next.out() + next.err());
        assertTrue(faulty.awaitExit(WAIT) != 0, "the hung app was killed, not ended");
        assertEquals(0, good.awaitExit(WAIT));
        assertEquals(0, session.events("end", faulty).size(), "a killed hung app runs no cleanup, as with EWX_FORCEIFHUNG");
        assertEquals(1, session.events("end", good).size());
    }

    @Test
    @Timeout(120)
    void aListenerThatCallsSystemExitEndsItsOwnJvmOnceAndTheRoundIsCancelled() {
        start("exit", "1s");
        BusSession.Run run = session.cli("logoff", "--json");
        assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("\"reason\":\"no answer: the app hung up\""), run.out());
        assertEquals(7, faulty.awaitExit(WAIT), "System.exit(7) from the listener");
        assertEquals(List.of("[JVM_EXIT]"), session.events("end", faulty).stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList(),
                "its cleanup ran once, as a JVM exit");
        assertTrue(good.process().isAlive(), "the other app was not terminated");
        assertEquals(1, session.events("cancelled", good).size());

        assertLogoffEnds(good);
    }
}
