package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.ENDSESSION_LOGOFF;
import static dev.endsession.agent.windows.WinUserH.WM_ENDSESSION;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent jar in a real JVM on real Windows: this test plays the system, finds the app's
 * hidden window and sends it the end-session messages with {@code SendMessage}.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsBridgeWindowsIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final long LOGOFF = ENDSESSION_LOGOFF & 0xFFFFFFFFL;

    @TempDir
    Path dir;

    final Win32PortJNA port = new Win32PortJNA();

    /** The app's hidden window: the bridge starts on its own thread, so it may take a moment to appear. */
    long windowOf(TestJvm app) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            for (long hwnd = port.findTopLevel("EndSessionAgent-1", 0); hwnd != 0; hwnd = port.findTopLevel("EndSessionAgent-1", hwnd)) {
                if (port.processOf(hwnd) == app.pid()) {
                    return hwnd;
                }
            }
            Thread.sleep(50); // bounded poll for another process's window
        }
        throw new AssertionError("no end-session window in " + app.describe());
    }

    @Test
    void aVetoingAppAnswersFalseAndShowsItsReason() throws Exception {
        Path record = dir.resolve("record.txt");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=windows")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record, "-D" + RecordingListener.VETO + "=Unsaved work")
                .listener(RecordingListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            long hwnd = windowOf(app);

            assertEquals(0, port.sendMessage(hwnd, WM_QUERYENDSESSION, 0, LOGOFF));
            assertEquals("Unsaved work", port.shutdownBlockReasonQuery(hwnd));
            port.sendMessage(hwnd, WM_ENDSESSION, 0, LOGOFF);
            assertEquals(null, port.shutdownBlockReasonQuery(hwnd));
        }
    }

    @Test
    void aConfirmedEndRunsTheCleanupThenTheJvmExits() throws Exception {
        Path record = dir.resolve("record.txt");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=windows")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record).listener(RecordingListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            long hwnd = windowOf(app);

            assertEquals(1, port.sendMessage(hwnd, WM_QUERYENDSESSION, 0, LOGOFF));
            // The app halts inside its handler, so SendMessage may return 0 or fail once the window is gone.
            port.sendMessage(hwnd, WM_ENDSESSION, 1, LOGOFF);

            assertEquals(JvmShutdown.SIGTERM_STATUS, app.awaitExit(WAIT));
            List<String> ends = RecordingListener.lines(record).stream().filter(l -> l.startsWith("end ")).toList();
            assertEquals(1, ends.size(), app.describe());
            assertTrue(ends.get(0).endsWith("[LOGOFF]"), ends.get(0));
        }
    }
}
