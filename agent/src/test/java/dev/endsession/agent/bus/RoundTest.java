package dev.endsession.agent.bus;

import static dev.endsession.agent.bus.FakeApp.Does.AGREE;
import static dev.endsession.agent.bus.FakeApp.Does.HANG;
import static dev.endsession.agent.bus.FakeApp.Does.VETO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.RoundOptions.Mode;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The initiator's rules, over in-process apps (the same {@link Round} a testkit would reuse). */
class RoundTest {

    final List<String> log = new ArrayList<>();

    RoundOptions options(Reason kind, Mode mode, boolean force, boolean forceIfHung, boolean onBlockForce, boolean notifyOnly) {
        return RoundOptions.of(kind).withMode(mode).withForce(force).withForceIfHung(forceIfHung).withOnBlockForce(onBlockForce)
                .withTimeout(Duration.ofMillis(300)).withNotifyOnly(notifyOnly);
    }

    RoundResult modern(List<FakeApp> apps) {
        return Round.run(apps, options(Reason.LOGOFF, Mode.MODERN, false, false, false, false), Progress.NONE);
    }

    List<String> events(String prefix) {
        return log.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    AppOutcome outcome(RoundResult result, long pid) {
        return result.apps().stream().filter(a -> a.pid() == pid).findFirst().orElseThrow();
    }

    @Nested
    class Modern {
        @Test
        void everyoneAgreeingEndsAndTerminatesEveryone() {
            RoundResult result = modern(List.of(FakeApp.of(1, 0x280, AGREE, log), FakeApp.of(2, 0x280, AGREE, log)));
            assertTrue(result.ended());
            assertEquals(2, events("end [LOGOFF]").size());
            assertTrue(result.apps().stream().allMatch(AppOutcome::terminated));
        }

        @Test
        void oneVetoCancelsTheOthersAndTerminatesNobody() {
            RoundResult result = modern(List.of(FakeApp.of(1, 0x280, AGREE, log), FakeApp.of(2, 0x280, VETO, log),
                    FakeApp.of(3, 0x280, AGREE, log)));
            assertFalse(result.ended());
            assertEquals(List.of(2L), result.blockers().stream().map(AppOutcome::pid).toList());
            assertEquals("busy 2", outcome(result, 2).reason());
            assertEquals(3, events("cancel").size());
            assertEquals(0, events("end").size() + events("exit").size() + events("kill").size());
        }

        @Test
        void higherLevelsAreAskedAndEndedFirst() {
            modern(List.of(FakeApp.of(1, 0x100, AGREE, log), FakeApp.of(2, 0x3FF, AGREE, log), FakeApp.of(3, 0x280, AGREE, log)));
            assertEquals(List.of("query 2", "query 3", "query 1"), events("query"));
            assertEquals(List.of("end [LOGOFF] 2", "end [LOGOFF] 3", "end [LOGOFF] 1"), events("end"));
        }

        @Test
        void onBlockForceEndsEveryoneDespiteTheVeto() {
            RoundResult result = Round.run(List.of(FakeApp.of(1, 0x280, VETO, log), FakeApp.of(2, 0x280, AGREE, log)),
                    options(Reason.LOGOFF, Mode.MODERN, false, false, true, false), Progress.NONE);
            assertTrue(result.ended());
            assertEquals(2, events("end").size());
        }
    }

    @Test
    void forceAsksNobodyAndEndsEveryoneWithTheForcedReason() {
        RoundResult result = Round.run(List.of(FakeApp.of(1, 0x280, VETO, log), FakeApp.of(2, 0x280, AGREE, log)),
                options(Reason.SHUTDOWN, Mode.MODERN, true, false, false, false), Progress.NONE);
        assertTrue(result.ended());
        assertEquals(0, events("query").size());
        assertEquals(2, events("end [SHUTDOWN, FORCED]").size());
        assertTrue(result.apps().stream().allMatch(a -> a.answer() == AppOutcome.Answer.NOT_ASKED && a.terminated()));
    }

    @Test
    void classicEndsEachAgreeingAppAtOnceAndAsksNobodyAfterAVeto() {
        RoundResult result = Round.run(List.of(FakeApp.of(1, 0x300, AGREE, log), FakeApp.of(2, 0x280, VETO, log),
                FakeApp.of(3, 0x100, AGREE, log)), options(Reason.LOGOFF, Mode.CLASSIC, false, false, false, false), Progress.NONE);
        assertFalse(result.ended());
        assertEquals(List.of("query 1", "end [LOGOFF] 1", "exit 1", "query 2", "cancel [LOGOFF] 2"), log);
        assertEquals(AppOutcome.Answer.NOT_ASKED, outcome(result, 3).answer());
        assertTrue(outcome(result, 1).terminated());
    }

    @Nested
    class Hung {
        @Test
        void aHungAppBlocksTheRoundWithoutForceIfHung() {
            RoundResult result = modern(List.of(FakeApp.of(1, 0x280, AGREE, log), FakeApp.of(2, 0x280, HANG, log)));
            assertFalse(result.ended());
            assertEquals(AppOutcome.Answer.HUNG, outcome(result, 2).answer());
            assertEquals(List.of("cancel [LOGOFF] 1"), events("cancel"));
        }

        @Test
        void aListenerCutOffByItsOwnBudgetWellBeforeTheTimeoutLeavesTheAppAgreeing() {
            RoundResult result = Round.run(List.of(FakeApp.of(1, 0x280, FakeApp.Does.OVER_BUDGET, log)),
                    RoundOptions.of(Reason.LOGOFF).withTimeout(Duration.ofSeconds(30)),
                    Progress.NONE);
            assertTrue(result.ended());
            assertEquals(AppOutcome.Answer.OK, outcome(result, 1).answer());
            assertEquals("over budget, counted as allow: Slow", outcome(result, 1).reason());
        }

        @Test
        void forceIfHungKillsTheHungAppAndEndsTheOthers() {
            RoundResult result = Round.run(List.of(FakeApp.of(1, 0x280, AGREE, log), FakeApp.of(2, 0x280, HANG, log)),
                    options(Reason.LOGOFF, Mode.MODERN, false, true, false, false), Progress.NONE);
            assertTrue(result.ended());
            assertEquals(List.of("kill 2"), events("kill"));
            assertEquals(List.of("end [LOGOFF] 1"), events("end"));
        }
    }

    @Test
    void anotherSessionGetsNotificationsButNothingIsTerminated() {
        RoundResult result = Round.run(List.of(FakeApp.of(1, 0x280, AGREE, log), new FakeApp(2, 0x280, true, AGREE, log)),
                options(Reason.SHUTDOWN, Mode.MODERN, false, false, false, true), Progress.NONE);
        assertTrue(result.ended());
        assertEquals(List.of("query 1", "end [SHUTDOWN] 1"), log);
        assertTrue(result.apps().stream().noneMatch(AppOutcome::terminated));
    }

    @Nested
    class Services {
        @Test
        void aServiceIsNotAskedAndIgnoresALogoffNotice() {
            RoundResult result = modern(List.of(FakeApp.of(1, 0x280, AGREE, log), new FakeApp(2, 0x280, true, VETO, log)));
            assertTrue(result.ended());
            assertEquals(List.of("query 1"), events("query"));
            assertEquals(List.of("notice ignore 2"), events("notice"));
            assertFalse(outcome(result, 2).terminated());
        }

        @Test
        void aServiceExitsOnAShutdownNotice() {
            RoundResult result = Round.run(List.of(new FakeApp(2, 0x280, true, AGREE, log)),
                    options(Reason.SHUTDOWN, Mode.MODERN, false, false, false, false), Progress.NONE);
            assertEquals(List.of("notice exit 2", "exit 2"), log);
            assertTrue(outcome(result, 2).terminated());
        }
    }

    @Test
    void anAppThatHangsUpInItsCleanupIsLeftToExitOnItsOwnNotKilled() {
        for (boolean force : List.of(false, true)) {
            log.clear();
            RoundResult result = Round.run(List.of(FakeApp.of(1, 0x280, AGREE, log),
                    FakeApp.of(2, 0x280, FakeApp.Does.EXITS_IN_CLEANUP, log)),
                    options(Reason.LOGOFF, Mode.MODERN, force, false, false, false), Progress.NONE);
            assertTrue(result.ended());
            assertEquals(List.of("exit 1"), events("exit"));
            assertEquals(List.of("await 2"), events("await"));
            assertEquals(List.of(), events("kill"), "nobody signalled");
            assertEquals(AppOutcome.Exit.DURING_CLEANUP, outcome(result, 2).exit());
            assertTrue(outcome(result, 2).terminated(), "verified gone");
            assertEquals(AppOutcome.Exit.TERMINATED, outcome(result, 1).exit());
        }
    }

    @Test
    void theInitiatorsOwnAppIsEndedButLeftToEndItself() {
        RoundResult result = Round.run(List.of(FakeApp.of(1, 0x280, AGREE, log), FakeApp.of(2, 0x280, AGREE, log)),
                RoundOptions.of(Reason.LOGOFF).withTimeout(Duration.ofMillis(300)).withSelfPid(2),
                Progress.NONE);
        assertTrue(result.ended());
        assertEquals(List.of("exit 1"), events("exit"));
        assertEquals(2, events("end").size());
    }
}
