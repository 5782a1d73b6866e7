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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent jar in a real JVM on real Windows: this test plays the system, finds the app's
 * hidden window and sends it the end-session messages with {@code SendMessage}. Nobody is logged
 * off. The block reason cannot be read from here: {@code ShutdownBlockReasonQuery} answers only on
 * the window's own thread
 * (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasonquery">ShutdownBlockReasonQuery</a>),
 * so the app's log says what it registered.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsBridgeWindowsIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final long LOGOFF = ENDSESSION_LOGOFF & 0xFFFFFFFFL;

    @TempDir
    Path dir;

    final Win32PortJNA port = new Win32PortJNA();

    long windowOf(TestJvm app) throws InterruptedException {
        return WindowsDemoIT.windowOf(port, app);
    }

    @Test
    void aVetoingAppAnswersFalseAndShowsItsReason() throws Exception {
        Path record = dir.resolve("record.txt");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=windows,log=info")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record, "-D" + RecordingListener.VETO + "=Unsaved work")
                .listener(RecordingListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            long hwnd = windowOf(app);

            assertEquals(0, port.sendMessage(hwnd, WM_QUERYENDSESSION, 0, LOGOFF));
            app.awaitErrorLine(".*Vetoed \\[LOGOFF\\]: \\[Unsaved work\\].*", WAIT);
            port.sendMessage(hwnd, WM_ENDSESSION, 0, LOGOFF);
            assertTrue(!app.stderr().contains("block reason"), "registered and removed without a warning: " + app.describe());
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

    @Test
    void taskkillWithoutForceCleansUpAndTheJvmExits() throws Exception {
        Path record = dir.resolve("record.txt");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=windows")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record).listener(RecordingListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            windowOf(app); // the bridge is up

            // taskkill without /F sends WM_CLOSE to every top-level window of the process, the hidden one too.
            Process taskkill = new ProcessBuilder("taskkill", "/PID", Long.toString(app.pid())).inheritIO().start();
            assertTrue(taskkill.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));

            assertEquals(JvmShutdown.SIGTERM_STATUS, app.awaitExit(WAIT));
            List<String> ends = RecordingListener.lines(record).stream().filter(l -> l.startsWith("end ")).toList();
            assertEquals(1, ends.size(), app.describe());
            assertTrue(ends.get(0).endsWith("[CLOSE_APP]"), ends.get(0));
        }
    }
}
