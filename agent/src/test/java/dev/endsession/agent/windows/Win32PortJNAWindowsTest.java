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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The bridge on real Windows, through JNA: the hidden window is created, Windows' messages are sent
 * to it with {@code SendMessage}, and the block reason is read back with
 * {@code ShutdownBlockReasonQuery} on the window's own thread, the only one Windows answers
 * (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasonquery">ShutdownBlockReasonQuery</a>):
 * the test subclasses the window so that a private message runs the query there. The JVM's exit is
 * recorded instead of done.
 */
@EnabledOnOs(OS.WINDOWS)
@Timeout(60)
class Win32PortJNAWindowsTest {

    private static final long LOGOFF = ENDSESSION_LOGOFF & 0xFFFFFFFFL;
    /** A private message: WM_APP, free for an application's own use. https://learn.microsoft.com/windows/win32/winmsg/wm-app */
    private static final int READ_REASON = 0x8000;

    final Win32PortJNA port = new Win32PortJNA();
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicReference<String> reasonRead = new AtomicReference<>();
    volatile String veto;
    WindowsSession session;
    long hwnd;

    @BeforeEach
    void start() throws Exception {
        startSession();
    }

    void startSession() throws Exception {
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
        hwnd = agentWindow(port);
        port.subclass(hwnd, agent -> (h, message, wParam, lParam) -> {
            if (message != READ_REASON) {
                return agent.call(h, message, wParam, lParam);
            }
            reasonRead.set(port.shutdownBlockReasonQuery(h)); // on the window's thread
            return 1;
        });
    }

    /** @return this process's agent window, found by its class as the system finds it */
    static long agentWindow(Win32PortJNA port) {
        for (int n = 1; n < 1000; n++) {
            List<Long> found = port.processWindowsOfClass("EndSessionAgent-" + n);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new AssertionError("no EndSessionAgent window in this process");
    }

    String blockReason() {
        reasonRead.set("not read");
        assertEquals(1, port.sendMessage(hwnd, READ_REASON, 0, 0));
        return reasonRead.get();
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void theHiddenWindowIsATopLevelWindowOfThisProcess() {
        assertEquals(List.of(hwnd), port.processWindowsOfClass(port.className(hwnd)));
    }

    @Test
    void aVetoAnswersFalseAndWindowsHoldsTheReason() {
        veto = "Unsaved changes in 2 documents";

        assertEquals(0, port.sendMessage(hwnd, WM_QUERYENDSESSION, 0, LOGOFF));
        assertEquals(veto, blockReason());
    }

    @Test
    void aCancellationRemovesTheReason() {
        veto = "Unsaved changes";
        port.sendMessage(hwnd, WM_QUERYENDSESSION, 0, LOGOFF);

        port.sendMessage(hwnd, WM_ENDSESSION, 0, LOGOFF);

        assertNull(blockReason());
    }

    @Test
    void anAgreedEndCleansUpBeforeSendMessageReturns() {
        assertEquals(1, port.sendMessage(hwnd, WM_QUERYENDSESSION, 0, LOGOFF));

        port.sendMessage(hwnd, WM_ENDSESSION, 1, LOGOFF);

        assertEquals(List.of("cleanup [LOGOFF]", "jvm exit"), events);
    }

    @Test
    void windowsRefusesTheBlockReasonCallsFromAnotherThreadAsTheModelDoes() {
        Win32Failure create = assertThrows(Win32Failure.class, () -> port.shutdownBlockReasonCreate(hwnd, "wrong thread"));
        assertEquals(WinErrorH.ERROR_ACCESS_DENIED, create.code());
        // Query reports the refusal as "no reason"; on the window's own thread it does answer.
        assertNull(port.shutdownBlockReasonQuery(hwnd));
    }

    @Test
    void theShutdownLevelTheWindowStationAndTheTimeoutsCanBeRead() {
        port.setProcessShutdownParameters(0x280, 0);
        port.interactiveWindowStation(); // must not throw, whatever the CI's window station is
        assertTrue(port.systemTimeoutMillis(WinUserH.SPI_GETHUNGAPPTIMEOUT).orElse(5000) > 0);
    }

    @Test
    void awtsToolkitWindowIsTakenOverAndAgreesWithoutRaisingSigterm() throws Exception {
        java.awt.Toolkit.getDefaultToolkit(); // creates the SunAwtToolkit window on the AWT-Windows thread
        Instant until = Instant.now().plusSeconds(10);
        List<Long> toolkit = port.processWindowsOfClass(AwtTakeover.TOOLKIT_CLASS);
        while (toolkit.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(20); // bounded poll: AWT creates its window on its own thread
            toolkit = port.processWindowsOfClass(AwtTakeover.TOOLKIT_CLASS);
        }
        // A session started now finds the toolkit window at once, before start() returns: no waiting for the WinEvent.
        session.close();
        startSession();

        // Untaken, AWT would raise SIGTERM here and this test JVM would exit.
        assertEquals(1, port.sendMessage(toolkit.get(0), WM_QUERYENDSESSION, 0, LOGOFF));
        assertEquals(0, port.sendMessage(toolkit.get(0), WM_ENDSESSION, 0, LOGOFF));
    }
}
