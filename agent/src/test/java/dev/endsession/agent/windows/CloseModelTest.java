package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code taskkill} without /F sends {@code WM_CLOSE} to every top-level window, hidden ones too, and
 * {@code DefWindowProc} destroys a window on {@code WM_CLOSE}: the agent must neither lose its window
 * nor ignore the request.
 */
@Timeout(60)
class CloseModelTest {

    @Test
    void taskkillWithoutForceRunsTheCleanupsOnceThenTheJvmExitAndKeepsTheWindow() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (ModelSession agent = ModelSession.start(windows)) {
            long hwnd = agent.window();

            windows.taskkill();
            agent.awaitJvmExit();

            assertEquals(List.of(Set.of(Reason.CLOSE_APP)), agent.listener.ended());
            assertTrue(agent.indexOf("cleanup finished") < agent.indexOf(ModelSession.JVM_EXIT), windows.events().toString());
            assertTrue(windows.windows().contains(hwnd), "the window was not destroyed: " + windows.events());
        }
    }

    @Test
    void taskkillLeavesAwtsToolkitWindowAliveWhileTheCleanupsRun() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (AwtToolkitModel awt = new AwtToolkitModel(windows, true); ModelSession agent = ModelSession.start(windows)) {
            windows.taskkill();
            agent.awaitJvmExit();

            assertTrue(windows.windows().contains(awt.window()), windows.events().toString());
            assertEquals(List.of(Set.of(Reason.CLOSE_APP)), agent.listener.ended());
        }
    }

    @Test
    void aWindowDestroyedBySomeoneElseIsCreatedAgainAndStillAnswers() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (ModelSession agent = ModelSession.start(windows)) {
            long first = agent.window();
            String name = windows.className(first);
            int windowThread = windows.ownerOf(first);

            windows.onThread(windowThread, () -> {
                windows.destroyWindow(first, name); // as DefWindowProc does on an unhandled WM_CLOSE
                return true;
            });
            windows.onThread(windowThread, () -> true); // queued after the wake-up the destruction posted

            assertNotEquals(first, agent.window());
            assertEquals(name, windows.className(agent.window()));
            assertEquals(1, agent.send(WM_QUERYENDSESSION, 0, 0));
            assertEquals(List.of(Set.of(Reason.SHUTDOWN)), agent.listener.queried());
        }
    }

    @Test
    void closingTheAgentDestroysTheWindowForGood() throws Exception {
        WindowsModel windows = new WindowsModel();
        ModelSession agent = ModelSession.start(windows);

        agent.close();

        assertEquals(List.of(), windows.windows());
    }

    @Test
    void theWindowClassCarriesTheIconOfTheProcesssExecutable() throws Exception {
        WindowsModel windows = new WindowsModel();
        try (ModelSession agent = ModelSession.start(windows)) {
            String java = ProcessHandle.current().info().command().orElseThrow();

            assertTrue(windows.events().contains("created " + windows.className(agent.window()) + " with the icon of " + java),
                    windows.events().toString());
        }
    }
}
