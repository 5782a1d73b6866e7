package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.ENDSESSION_LOGOFF;
import static dev.endsession.agent.windows.WinUserH.WM_ENDSESSION;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.Policy;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The bridge on real Windows, through JNA: the hidden window is created, Windows' messages are sent
 * to it with {@code SendMessage}, and the block reason is read back with
 * {@code ShutdownBlockReasonQuery}. The JVM's exit is recorded instead of done.
 */
@EnabledOnOs(OS.WINDOWS)
class Win32PortJNAWindowsTest {

    private static final long LOGOFF = ENDSESSION_LOGOFF & 0xFFFFFFFFL;

    final Win32PortJNA port = new Win32PortJNA();
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile String veto;
    WindowsSession session;

    @BeforeEach
    void start() throws Exception {
        Coordinator coordinator = new Coordinator(Policy.defaults().withListenerBudget(Duration.ofSeconds(10)));
        coordinator.register(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession q) {
                return veto == null ? Vote.allow() : Vote.veto(veto);
            }

            @Override
            public void onEndSession(EndSessionEvent e) {
                events.add("cleanup " + e.reasons());
            }
        });
        session = new WindowsSession(port, coordinator, ModelSession.options(), deadline -> events.add("jvm exit"));
        session.start();
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void theHiddenWindowIsATopLevelWindowOfThisProcess() {
        long hwnd = session.window();

        assertEquals(List.of(hwnd), port.processWindowsOfClass(port.className(hwnd)));
    }

    @Test
    void aVetoAnswersFalseAndWindowsHoldsTheReason() {
        veto = "Unsaved changes in 2 documents";

        assertEquals(0, port.sendMessage(session.window(), WM_QUERYENDSESSION, 0, LOGOFF));
        assertEquals(veto, port.shutdownBlockReasonQuery(session.window()));
    }

    @Test
    void aCancellationRemovesTheReason() {
        veto = "Unsaved changes";
        port.sendMessage(session.window(), WM_QUERYENDSESSION, 0, LOGOFF);

        port.sendMessage(session.window(), WM_ENDSESSION, 0, LOGOFF);

        assertNull(port.shutdownBlockReasonQuery(session.window()));
    }

    @Test
    void anAgreedEndCleansUpBeforeSendMessageReturns() {
        assertEquals(1, port.sendMessage(session.window(), WM_QUERYENDSESSION, 0, LOGOFF));

        port.sendMessage(session.window(), WM_ENDSESSION, 1, LOGOFF);

        assertEquals(List.of("cleanup [LOGOFF]", "jvm exit"), events);
    }

    @Test
    void windowsRefusesABlockReasonFromAnotherThreadAsTheModelDoes() {
        Win32Failure refused = assertThrows(Win32Failure.class, () -> port.shutdownBlockReasonCreate(session.window(), "wrong thread"));

        assertEquals(WinErrorH.ERROR_ACCESS_DENIED, refused.code());
    }

    @Test
    void theShutdownLevelAndTheWindowStationCanBeRead() {
        port.setProcessShutdownParameters(0x280, 0);
        port.interactiveWindowStation(); // must not throw, whatever the CI's window station is
        assertTrue(session.window() != 0);
    }

    @Test
    void awtsToolkitWindowIsTakenOverAndAgreesWithoutRaisingSigterm() throws Exception {
        java.awt.Toolkit.getDefaultToolkit(); // creates the SunAwtToolkit window on the AWT-Windows thread
        Instant until = Instant.now().plusSeconds(10);
        while (session.awtWindowsTaken() == 0 && Instant.now().isBefore(until)) {
            Thread.sleep(20); // the creation WinEvent reaches the window thread asynchronously
        }
        assertEquals(1, session.awtWindowsTaken());
        long toolkit = port.processWindowsOfClass(AwtTakeover.TOOLKIT_CLASS).get(0);

        // Untaken, AWT would raise SIGTERM here and this test JVM would exit.
        assertEquals(1, port.sendMessage(toolkit, WM_QUERYENDSESSION, 0, LOGOFF));
        assertEquals(0, port.sendMessage(toolkit, WM_ENDSESSION, 0, LOGOFF));
    }
}
