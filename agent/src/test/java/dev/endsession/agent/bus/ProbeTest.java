package dev.endsession.agent.bus;

import static dev.endsession.agent.bus.FakeApp.Does.AGREE;
import static dev.endsession.agent.bus.FakeApp.Does.HANG;
import static dev.endsession.agent.bus.FakeApp.Does.VETO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A probe is a round whose end is always a cancel: nobody's cleanup runs, nobody is terminated or notified. */
@Timeout(30)
class ProbeTest {

    final List<String> log = new ArrayList<>();
    final List<String> progress = new ArrayList<>();

    RoundResult probe(List<FakeApp> apps) {
        Progress told = new Progress() {
            @Override
            public synchronized void answered(AppOutcome app) {
                progress.add("answered " + app.pid());
            }

            @Override
            public synchronized void ending(AppOutcome app, boolean ending) {
                progress.add("ending " + app.pid());
            }
        };
        return Round.run(Probe.of(apps), Probe.options(Reason.LOGOFF, Duration.ofMillis(300)), Probe.answersOnly(told));
    }

    List<String> events(String prefix) {
        return log.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    @Test
    void whenNobodyWouldBlockEveryoneIsStillOnlyCancelled() {
        RoundResult result = probe(List.of(FakeApp.of(1, 0x280, AGREE, log), FakeApp.of(2, 0x100, AGREE, log)));
        assertTrue(result.ended(), "nobody would block");
        assertEquals(List.of("cancel [LOGOFF] 1", "cancel [LOGOFF] 2"), events("cancel").stream().sorted().toList());
        assertEquals(List.of(), events("end"));
        assertEquals(List.of(), events("exit"));
        assertEquals(List.of(), events("kill"));
        assertEquals(List.of(), events("notice"));
        assertTrue(result.apps().stream().noneMatch(AppOutcome::terminated));
    }

    @Test
    void aVetoAndAHungAppAreReportedAndNobodyEnds() {
        RoundResult result = probe(List.of(FakeApp.of(1, 0x280, VETO, log), FakeApp.of(2, 0x280, HANG, log),
                FakeApp.of(3, 0x280, AGREE, log)));
        assertFalse(result.ended());
        assertEquals(List.of(1L, 2L), result.blockers().stream().map(AppOutcome::pid).toList());
        assertEquals("busy 1", result.blockers().get(0).reason());
        assertEquals(AppOutcome.Answer.HUNG, result.blockers().get(1).answer());
        assertEquals(List.of("cancel [LOGOFF] 1", "cancel [LOGOFF] 3"), events("cancel").stream().sorted().toList());
        assertEquals(0, events("end").size() + events("exit").size() + events("kill").size());
        assertEquals(List.of("answered 1", "answered 2", "answered 3"), progress.stream().sorted().toList(),
                "the answers, and no 'ending' lines");
    }
}
