package dev.endsession.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Starting the bridge's logic (shutdown level) and asking Windows to end the session. */
class WindowsSessionModelTest {

    @Nested
    class ShutdownLevel {

        @Test
        void theLevelOptionIsPassedToSetProcessShutdownParameters() throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows, ModelSession.options(0x3FF, false))) {
                assertTrue(windows.events().contains("SetProcessShutdownParameters 0x3ff 0"), windows.events().toString());
            }
        }

        @Test
        void aRefusedLevelLeavesTheBridgeRunning() throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows, ModelSession.options(0x500, false))) {
                assertEquals(1, agent.send(WinUserH.WM_QUERYENDSESSION, 0, 0));
            }
        }

        @Test
        void theHiddenWindowIsTopLevelAndCreatedOnItsOwnThread() throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows)) {
                assertEquals(List.of(agent.window()), windows.windows());
                assertEquals("endsession-window", windows.onThreadOf(agent.window(), () -> Thread.currentThread().getName()));
            }
        }
    }

    @Nested
    class Initiate {

        private List<String> initiate(Reason what, boolean force, boolean forceIfHung) throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows)) {
                assertTrue(agent.session.initiate(what, force, forceIfHung));
                return windows.events().stream().filter(e -> e.startsWith("SE_") || e.startsWith("ExitWindowsEx")).toList();
            }
        }

        @Test
        void aLogoffNeedsNoPrivilegeAndGivesAPlannedReason() throws Exception {
            assertEquals(List.of("ExitWindowsEx flags=0x0 reason=0x80040001"), initiate(Reason.LOGOFF, false, false));
        }

        @Test
        void aForcedShutdownEnablesThePrivilegeFirst() throws Exception {
            assertEquals(List.of("SE_SHUTDOWN_NAME enabled", "ExitWindowsEx flags=0xd reason=0x80040001"),
                    initiate(Reason.SHUTDOWN, true, false));
        }

        @Test
        void aRestartMayEndHungAppsOnly() throws Exception {
            assertEquals(List.of("SE_SHUTDOWN_NAME enabled", "ExitWindowsEx flags=0x12 reason=0x80040001"),
                    initiate(Reason.RESTART, false, true));
        }

        @Test
        void theReasonCodeIsNeverZero() {
            for (Reason what : List.of(Reason.LOGOFF, Reason.SHUTDOWN, Reason.RESTART)) {
                assertNotEquals(0, ExitRequest.of(what, true, true).reason());
            }
        }

        @Test
        void aShutdownWithoutThePrivilegeFailsWithWindowsError() throws Exception {
            WindowsModel windows = new WindowsModel().refuse("AdjustTokenPrivileges", WinErrorH.ERROR_NOT_ALL_ASSIGNED);
            try (ModelSession agent = ModelSession.start(windows)) {
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> agent.session.initiate(Reason.SHUTDOWN, false, false));

                assertTrue(refused.getMessage().contains("error 1300"), refused.getMessage());
                assertTrue(windows.events().stream().noneMatch(e -> e.startsWith("ExitWindowsEx")), "nothing was started");
            }
        }

        @Test
        void onlyLogoffShutdownAndRestartCanBeStarted() {
            assertThrows(IllegalArgumentException.class, () -> ExitRequest.of(Reason.CONSOLE_CLOSE, false, false));
        }
    }
}
