package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinConH.CTRL_CLOSE_EVENT;
import static dev.endsession.agent.windows.WinUserH.ENDSESSION_LOGOFF;
import static dev.endsession.agent.windows.WinUserH.SPI_GETHUNGAPPTIMEOUT;
import static dev.endsession.agent.windows.WinUserH.SPI_GETWAITTOKILLTIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every budget ends before Windows ends the process: the model kills a process that has not answered
 * {@code WM_QUERYENDSESSION} or {@code WM_ENDSESSION}, or whose console handler has not returned,
 * within 5 s. These tests take up to 4 s each: the model runs in real time.
 */
@Timeout(60)
class BudgetsModelTest {

    private static final long LOGOFF = ENDSESSION_LOGOFF & 0xFFFFFFFFL;
    private static final Duration LONG_EXIT_BUDGET = Duration.ofSeconds(20);

    @Nested
    class BeforeTheKill {

        @Test
        void aListenerThatNeverAnswersStillLetsTheQueryBeAnsweredInTime() throws Exception {
            WindowsModel windows = new WindowsModel();
            CountDownLatch never = new CountDownLatch(1);
            try (ModelSession agent = ModelSession.start(windows)) {
                agent.listener.holdQueryUntil(never);

                ModelSessionEnd.EndRound round = windows.endSession(LOGOFF);

                assertNull(round.killed(), windows.events().toString());
                assertEquals(List.of(Set.of(Reason.LOGOFF)), agent.listener.ended(), "the cleanup ran");
            } finally {
                never.countDown();
            }
        }

        @Test
        void aCleanupThatOverrunsIsCutShortSoTheJvmExitStartsBeforeTheKill() throws Exception {
            WindowsModel windows = new WindowsModel();
            CountDownLatch never = new CountDownLatch(1);
            try (ModelSession agent = ModelSession.start(windows)) { // exit-budget 20 s
                agent.listener.holdEndUntil(never);

                ModelSessionEnd.EndRound round = windows.endSession(LOGOFF);

                assertNull(round.killed(), windows.events().toString());
                assertTrue(agent.indexOf(ModelSession.JVM_EXIT) < agent.indexOf("WM_ENDSESSION(TRUE) returned by EndSessionAgent"));
            } finally {
                never.countDown();
            }
        }

        @Test
        void aConsoleCloseWithASlowCleanupReturnsBeforeTheKill() throws Exception {
            WindowsModel windows = new WindowsModel();
            CountDownLatch never = new CountDownLatch(1);
            try (ModelSession agent = ModelSession.start(windows)) {
                agent.listener.holdEndUntil(never);

                assertTrue(windows.consoleEvent(CTRL_CLOSE_EVENT));

                assertTrue(windows.events().contains("process ended"), windows.events().toString());
                assertTrue(windows.events().stream().noneMatch(e -> e.startsWith("process killed")), windows.events().toString());
                assertTrue(agent.indexOf(ModelSession.JVM_EXIT) < agent.indexOf("process ended"));
            } finally {
                never.countDown();
            }
        }

        @Test
        void theModelKillsAProcessThatAnswersTooLate() throws Exception {
            WindowsModel windows = new WindowsModel();
            CountDownLatch late = new CountDownLatch(1);
            try (AwtToolkitModel awt = new AwtToolkitModel(windows, true)) {
                windows.onThreadOf(awt.window(), () -> {
                    windows.subclass(awt.window(), original -> (h, m, w, l) -> {
                        try {
                            late.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 1;
                    });
                    return true;
                });

                ModelSessionEnd.EndRound round = windows.endSession(LOGOFF);

                assertTrue(round.killed().startsWith("WM_QUERYENDSESSION not answered within 5000 ms"), round.toString());
                assertFalse(windows.events().stream().anyMatch(e -> e.startsWith("WM_ENDSESSION")), "no WM_ENDSESSION after a kill");
            } finally {
                late.countDown();
            }
        }
    }

    @Nested
    class Figures {

        @Test
        void byDefaultTheQueryIsAnsweredWithinFourSecondsAndTheEndReturnsWithinFour() {
            Budgets budgets = Budgets.of(OptionalLong.of(5000), OptionalLong.of(5000), Duration.ofSeconds(5));

            assertEquals(Duration.ofSeconds(4), budgets.query());
            assertEquals(new Budgets.End(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(4)), budgets.end());
            assertEquals(Duration.ofSeconds(1), budgets.end().hooks(), "the app's shutdown hooks get at least 1 s");
        }

        @Test
        void aLowerHungAppTimeoutLowersEveryBudget() {
            Budgets budgets = Budgets.of(new WindowsModel().systemTimeout(SPI_GETHUNGAPPTIMEOUT, 2500), Duration.ofSeconds(5));

            assertEquals(Duration.ofSeconds(2), budgets.query());
            assertEquals(Duration.ofMillis(1500), budgets.end().cleanups());
        }

        @Test
        void aLongerWaitToKillAppTimeoutDoesNotRaiseTheFiveSecondsOfTheMessages() {
            Budgets budgets = Budgets.of(new WindowsModel().systemTimeout(SPI_GETWAITTOKILLTIMEOUT, 20_000), Duration.ofSeconds(5));

            assertEquals(Duration.ofSeconds(4), budgets.query());
        }

        @Test
        void aMissingReadingKeepsTheDefault() {
            Budgets budgets = Budgets.of(new WindowsModel().systemTimeout(SPI_GETHUNGAPPTIMEOUT, -1)
                    .systemTimeout(SPI_GETWAITTOKILLTIMEOUT, -1), Duration.ofSeconds(5));

            assertEquals(Duration.ofSeconds(4), budgets.query());
        }

        @Test
        void aShorterExitBudgetShortensTheCleanupsAndLeavesTheHooksMore() {
            Budgets.End end = Budgets.of(OptionalLong.empty(), OptionalLong.empty(), Duration.ofSeconds(1)).end();

            assertEquals(Duration.ofSeconds(1), end.cleanups());
            assertEquals(Duration.ofSeconds(3), end.hooks());
        }

        @Test
        void anExitBudgetOverTheCapIsSaidOnce() {
            Budgets budgets = Budgets.of(OptionalLong.empty(), OptionalLong.empty(), Duration.ofSeconds(30));

            String said = budgets.overCap(Duration.ofSeconds(30)).orElseThrow();
            assertTrue(said.startsWith("exit-budget=30000ms is longer than Windows waits") && said.contains("cleanups get 3000 ms"), said);
            assertEquals(Optional.empty(), budgets.overCap(Duration.ofSeconds(2)));
        }
    }
}
