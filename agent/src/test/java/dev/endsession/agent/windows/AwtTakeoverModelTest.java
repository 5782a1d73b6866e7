package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.ENDSESSION_LOGOFF;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AWT's toolkit window (modelled on awt_Toolkit.cpp) and the agent taking over its answer. */
class AwtTakeoverModelTest {

    private static final long LOGOFF = ENDSESSION_LOGOFF & 0xFFFFFFFFL;

    /** @return how many times AWT's toolkit window was subclassed */
    static long taken(WindowsModel windows) {
        return windows.events().stream().filter("subclassed SunAwtToolkit"::equals).count();
    }

    @Test
    void withoutTheAgentAwtRaisesSigtermAtTheQuery() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (AwtToolkitModel awt = new AwtToolkitModel(windows, true)) {
            windows.endSession(LOGOFF);

            assertTrue(windows.events().indexOf(AwtToolkitModel.SIGTERM)
                    < windows.events().indexOf("WM_QUERYENDSESSION answered 1 by SunAwtToolkit"), windows.events().toString());
        }
    }

    @Test
    void aToolkitWindowCreatedAfterTheAgentIsTakenOver() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (ModelSession agent = ModelSession.start(windows); AwtToolkitModel awt = new AwtToolkitModel(windows, true)) {
            agent.settle();

            assertEquals(1, taken(windows));
            assertTrue(windows.events().contains("subclassed SunAwtToolkit"));
        }
    }

    @Test
    void aToolkitWindowThatExistedBeforeTheAgentIsTakenOver() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (AwtToolkitModel awt = new AwtToolkitModel(windows, true); ModelSession agent = ModelSession.start(windows)) {
            assertEquals(1, taken(windows));
        }
    }

    @Test
    void aVetoedQueryNeverRaisesSigterm() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (AwtToolkitModel awt = new AwtToolkitModel(windows, true); ModelSession agent = ModelSession.start(windows)) {
            agent.listener.veto("Unsaved changes");

            ModelSessionEnd.EndRound round = windows.endSession(LOGOFF);

            assertFalse(windows.events().contains(AwtToolkitModel.SIGTERM), windows.events().toString());
            assertEquals(1L, round.answers().get(AwtTakeover.TOOLKIT_CLASS));
            assertEquals(Map.of(windows.className(agent.window()), "Unsaved changes"), round.blockers());
            assertFalse(round.ended());
        }
    }

    @Test
    void aConfirmedEndRunsTheCleanupsThenTheJvmExitAndNoSigtermAtTheQuery() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (AwtToolkitModel awt = new AwtToolkitModel(windows, true); ModelSession agent = ModelSession.start(windows)) {
            ModelSessionEnd.EndRound round = windows.endSession(LOGOFF);

            assertTrue(round.ended());
            assertEquals(List.of(Set.of(Reason.LOGOFF)), agent.listener.ended());
            assertFalse(windows.events().contains(AwtToolkitModel.SIGTERM), windows.events().toString());
            assertTrue(agent.indexOf("cleanup finished") < agent.indexOf(ModelSession.JVM_EXIT));
        }
    }

    @Test
    void theToolkitThreadAnswersAtOnceWhileAListenerIsStillDeciding() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (AwtToolkitModel awt = new AwtToolkitModel(windows, true); ModelSession agent = ModelSession.start(windows)) {
            CountDownLatch decide = new CountDownLatch(1);
            agent.listener.holdQueryUntil(decide);
            CompletableFuture<Long> agentAnswer = CompletableFuture.supplyAsync(() -> agent.send(WM_QUERYENDSESSION, 0, LOGOFF));
            assertTrue(agent.listener.asked.await(WindowsModel.SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS));

            long awtAnswer = windows.sendMessage(awt.window(), WM_QUERYENDSESSION, 0, LOGOFF);

            assertEquals(1, awtAnswer);
            assertFalse(agentAnswer.isDone(), "the listener was still deciding while AWT answered");
            decide.countDown();
            assertEquals(1L, agentAnswer.get(WindowsModel.SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailureToWatchForAwtLeavesTheBridgeRunning() throws Exception {
        WindowsModel windows = new WindowsModel().refuse("SetWinEventHook", 1400);
        try (ModelSession agent = ModelSession.start(windows)) {
            assertEquals(1, agent.send(WM_QUERYENDSESSION, 0, LOGOFF));
            assertEquals(0, taken(windows));
        }
    }

    @Test
    void aUser32WithoutSetWindowLongPtrIsReportedAndTheBridgeStillAnswers() throws Exception {
        // 32-bit x86 user32 has no SetWindowLongPtrW: binding it throws UnsatisfiedLinkError, which must not stop the bridge.
        WindowsModel windows = new WindowsModel().unlinked("SetWindowLongPtr");
        try (AwtToolkitModel awt = new AwtToolkitModel(windows, true); ModelSession agent = ModelSession.start(windows)) {
            assertEquals(1, agent.send(WM_QUERYENDSESSION, 0, LOGOFF));
            assertEquals(0, taken(windows));
        }
    }

    @Test
    void aUser32WithoutSetWinEventHookIsReportedAndTheBridgeStillAnswers() throws Exception {
        WindowsModel windows = new WindowsModel().unlinked("SetWinEventHook");
        try (ModelSession agent = ModelSession.start(windows)) {
            assertEquals(1, agent.send(WM_QUERYENDSESSION, 0, LOGOFF));
        }
    }

    @Test
    void otherMessagesStillReachAwtsOwnProcedure() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (AwtToolkitModel awt = new AwtToolkitModel(windows, false); ModelSession agent = ModelSession.start(windows)) {
            // The model's AWT procedure asserts it runs on the toolkit thread; a plain message must get there.
            assertEquals(0, windows.sendMessage(awt.window(), WinUserH.WM_USER + 1, 0, 0));
            assertEquals(1, taken(windows));
        }
    }
}
