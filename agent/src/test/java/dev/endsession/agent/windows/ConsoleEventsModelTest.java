package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinConH.CTRL_CLOSE_EVENT;
import static dev.endsession.agent.windows.WinConH.CTRL_C_EVENT;
import static dev.endsession.agent.windows.WinConH.CTRL_LOGOFF_EVENT;
import static dev.endsession.agent.windows.WinConH.CTRL_SHUTDOWN_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Console control events reaching the agent's handler (called before HotSpot's), on the model of Windows. */
class ConsoleEventsModelTest {

    @Nested
    class ConsoleApp {

        @Test
        void closingTheConsoleRunsTheCleanupsAndTheJvmExitBeforeTheProcessEnds() throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows)) {
                assertTrue(windows.consoleEvent(CTRL_CLOSE_EVENT));

                assertEquals(List.of(Set.of(Reason.CONSOLE_CLOSE)), agent.listener.ended());
                assertTrue(agent.indexOf("cleanup finished") < agent.indexOf(ModelSession.JVM_EXIT)
                        && agent.indexOf(ModelSession.JVM_EXIT) < agent.indexOf("process ended"), windows.events().toString());
                assertFalse(windows.events().contains(ModelConsole.HOTSPOT_SIGTERM),
                        "the agent's handler handled it, so HotSpot's did not race the cleanups");
            }
        }

        @Test
        void aShutdownEventEndsWithReasonShutdown() throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows)) {
                windows.consoleEvent(CTRL_SHUTDOWN_EVENT);

                assertEquals(List.of(Set.of(Reason.SHUTDOWN)), agent.listener.ended());
            }
        }

        @Test
        void ctrlCIsLeftToTheJvm() throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows)) {
                windows.consoleEvent(CTRL_C_EVENT);

                assertEquals(List.of(), agent.listener.ended());
            }
        }
    }

    @Nested
    class Service {

        @Test
        void aNonInteractiveWindowStationMakesTheProcessAServiceThatSurvivesALogoff() throws Exception {
            WindowsModel windows = new WindowsModel().interactive(false);
            try (ModelSession agent = ModelSession.start(windows)) {
                assertFalse(windows.consoleEvent(CTRL_LOGOFF_EVENT), "the service lives on");
                assertEquals(List.of(), agent.listener.ended());
                assertFalse(windows.events().contains(ModelSession.JVM_EXIT));
            }
        }

        @Test
        void aServiceStillCleansUpAtShutdown() throws Exception {
            WindowsModel windows = new WindowsModel().interactive(false);
            try (ModelSession agent = ModelSession.start(windows)) {
                assertTrue(windows.consoleEvent(CTRL_SHUTDOWN_EVENT));

                assertEquals(List.of(Set.of(Reason.SHUTDOWN)), agent.listener.ended());
            }
        }

        @Test
        void theServiceOptionIgnoresLogoffsInAnyWindowStation() throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows, ModelSession.options(0x280, true))) {
                ConsoleEvents handler = new ConsoleEvents(new Ending(agent.coordinator, deadline -> windows.record(ModelSession.JVM_EXIT)),
                        Budgets.of(windows, java.time.Duration.ofSeconds(5)).end(), true);

                assertFalse(handler.handle(CTRL_LOGOFF_EVENT));
                assertEquals(List.of(), agent.listener.ended());
            }
        }

        @Test
        void anInteractiveProcessCleansUpAtALogoffEvent() throws Exception {
            WindowsModel windows = new WindowsModel();
            try (ModelSession agent = ModelSession.start(windows)) {
                assertTrue(windows.consoleEvent(CTRL_LOGOFF_EVENT));
                assertEquals(List.of(Set.of(Reason.LOGOFF)), agent.listener.ended());
            }
        }
    }
}
