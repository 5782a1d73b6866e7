package dev.endsession.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReducedSignalsTest {

    @Test
    void xrsOrItsLongFormTurnItOnAndTheLastWordWins() {
        assertTrue(ReducedSignals.reduced(List.of("-cp", "x", "-Xrs", "Main")));
        assertTrue(ReducedSignals.reduced(List.of("-XX:+ReduceSignalUsage")));
        assertFalse(ReducedSignals.reduced(List.of("-Xrs", "-XX:-ReduceSignalUsage")));
        assertFalse(ReducedSignals.reduced(List.of("-Xrss1m", "-Xss1m", "Main")));
    }
}
