package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.ENDSESSION_CLOSEAPP;
import static dev.endsession.agent.windows.WinUserH.ENDSESSION_CRITICAL;
import static dev.endsession.agent.windows.WinUserH.ENDSESSION_LOGOFF;
import static dev.endsession.agent.windows.WinUserH.WM_ENDSESSION;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.core.RoundState;
import dev.endsession.api.Reason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The agent's hidden window answering Windows' end-of-session messages, on the model of Windows. */
class EndSessionWindowModelTest {

    private static final long LOGOFF = ENDSESSION_LOGOFF & 0xFFFFFFFFL;
    private static final String UNSAVED = "Unsaved changes in 2 documents";

    WindowsModel windows;
    ModelSession agent;

    @BeforeEach
    void start() throws Exception {
        windows = new WindowsModel();
        agent = ModelSession.start(windows);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Nested
    class Query {

        @Test
        void aVetoRegistersTheReasonOnTheWindowThreadAndAnswersFalse() {
            agent.listener.veto(UNSAVED);

            assertEquals(0, agent.send(WM_QUERYENDSESSION, 0, LOGOFF));
            assertEquals(UNSAVED, agent.blockReason());
            assertEquals(List.of(), windows.failures(), "no ShutdownBlockReason call from a foreign thread");
            assertEquals(RoundState.VETOED, agent.coordinator.state());
        }

        @Test
        void anAgreementAnswersTrueAndRegistersNoReason() {
            assertEquals(1, agent.send(WM_QUERYENDSESSION, 0, LOGOFF));
            assertNull(agent.blockReason());
            assertEquals(RoundState.AGREED, agent.coordinator.state());
        }

        @Test
        void theLParamFlagsBecomeTheRoundsReasons() {
            agent.send(WM_QUERYENDSESSION, 0, LOGOFF);
            agent.send(WM_QUERYENDSESSION, 0, 0);
            agent.send(WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP);
            agent.send(WM_QUERYENDSESSION, 0, LOGOFF | ENDSESSION_CRITICAL);

            assertEquals(List.of(Set.of(Reason.LOGOFF), Set.of(Reason.SHUTDOWN), Set.of(Reason.CLOSE_APP),
                    Set.of(Reason.LOGOFF, Reason.CRITICAL)), agent.listener.queried());
        }

        @Test
        void aCriticalEndIgnoresVetoes() {
            agent.listener.veto(UNSAVED);

            assertEquals(1, agent.send(WM_QUERYENDSESSION, 0, ENDSESSION_CRITICAL));
            assertNull(agent.blockReason());
        }

        @Test
        void anAgreementAfterAVetoRemovesTheOldReason() {
            agent.listener.veto(UNSAVED);
            agent.send(WM_QUERYENDSESSION, 0, LOGOFF);
            agent.listener.veto(null);

            assertEquals(1, agent.send(WM_QUERYENDSESSION, 0, LOGOFF));
            assertNull(agent.blockReason());
        }

        @Test
        void theRestartManagerClosingTheAppIsAnsweredWithoutAskingTheUser() {
            agent.send(WM_QUERYENDSESSION, 0, LOGOFF);
            agent.send(WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP);

            assertEquals(List.of(true, false), agent.listener.mayAsk());
        }

        @Test
        void aLongReasonIsCutToWhatWindowsShows() {
            agent.listener.veto("x".repeat(300));

            agent.send(WM_QUERYENDSESSION, 0, LOGOFF);

            assertEquals(WinUserH.MAX_STR_BLOCKREASON, agent.blockReason().length());
        }
    }

    @Nested
    class End {

        @Test
        void theCleanupsFinishBeforeWmEndSessionReturns() {
            ModelSessionEnd.EndRound round = windows.endSession(LOGOFF);

            assertTrue(round.ended());
            assertEquals(List.of(Set.of(Reason.LOGOFF)), agent.listener.ended());
            int cleanup = agent.indexOf("cleanup finished");
            int exit = agent.indexOf(ModelSession.JVM_EXIT);
            int returned = agent.indexOf("WM_ENDSESSION(TRUE) returned by EndSessionAgent");
            assertTrue(cleanup < exit && exit < returned, "cleanup, then the JVM's exit, then return: " + windows.events());
        }

        @Test
        void aForcedEndWithoutAQueryStillCleansUp() {
            agent.send(WM_ENDSESSION, 1, LOGOFF);

            assertEquals(List.of(Set.of(Reason.LOGOFF)), agent.listener.ended());
            assertEquals(RoundState.ENDED, agent.coordinator.state());
        }
    }

    @Nested
    class Cancel {

        @Test
        void aCancellationDestroysTheReasonAndTellsTheListeners() {
            agent.listener.veto(UNSAVED);
            agent.send(WM_QUERYENDSESSION, 0, LOGOFF);

            agent.send(WM_ENDSESSION, 0, LOGOFF);

            assertNull(agent.blockReason());
            assertEquals(List.of(Set.of(Reason.LOGOFF)), agent.listener.cancelled());
            assertEquals(RoundState.IDLE, agent.coordinator.state());
            assertEquals(List.of(), agent.listener.ended());
        }

        @Test
        void aVetoedRoundShowsTheReasonAndDoesNotEndTheProcess() {
            agent.listener.veto(UNSAVED);

            ModelSessionEnd.EndRound round = windows.endSession(LOGOFF);

            assertEquals(Map.of(windows.className(agent.window()), UNSAVED), round.blockers());
            assertTrue(!round.ended() && agent.listener.ended().isEmpty());
        }

        @Test
        void theVetoingWindowIsToldTheRoundWasCancelledSoItsReasonGoes() {
            agent.listener.veto(UNSAVED);

            windows.endSession(LOGOFF);

            assertTrue(windows.events().contains("WM_ENDSESSION(FALSE) returned by " + windows.className(agent.window())),
                    windows.events().toString());
            assertEquals(List.of(Set.of(Reason.LOGOFF)), agent.listener.cancelled());
            assertNull(agent.blockReason());
            assertEquals(RoundState.IDLE, agent.coordinator.state());
        }
    }

    @Nested
    class WindowThreadRule {

        @Test
        void theModelRefusesABlockReasonFromAnotherThread() {
            Win32Failure refused = assertThrows(Win32Failure.class,
                    () -> windows.shutdownBlockReasonCreate(agent.window(), "from the wrong thread"));

            assertEquals(WinErrorH.ERROR_ACCESS_DENIED, refused.code());
        }

        @Test
        void theModelRefusesABlockReasonQueryFromAnotherThreadAsTheDocumentationSays() {
            Win32Failure refused = assertThrows(Win32Failure.class, () -> windows.shutdownBlockReasonQuery(agent.window()));

            assertEquals(WinErrorH.ERROR_ACCESS_DENIED, refused.code());
        }

        @Test
        void workOnTheWindowThreadMayRegisterAndReadAReason() {
            windows.onThreadOf(agent.window(), () -> {
                windows.shutdownBlockReasonCreate(agent.window(), "posted");
                return true;
            });

            assertEquals("posted", agent.blockReason());
        }

        @Test
        void closingEndsTheLoopAndDestroysTheWindow() {
            long hwnd = agent.window();

            agent.close();

            assertTrue(!windows.windows().contains(hwnd), "window gone: " + windows.windows());
        }
    }
}
