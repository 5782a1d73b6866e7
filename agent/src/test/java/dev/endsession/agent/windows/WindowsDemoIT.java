package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.ENDSESSION_LOGOFF;
import static dev.endsession.agent.windows.WinUserH.WM_ENDSESSION;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo against the real Windows bridge, for a Windows CI runner: two JVMs with the real agent
 * jar, and this driver in the system's place. Nobody is logged off: the driver finds each app's
 * hidden window and sends it {@code WM_QUERYENDSESSION} and {@code WM_ENDSESSION} with
 * {@code SendMessage}, as Windows would at a logoff, and narrates each step on standard output.
 * Run it alone: {@code mvn -B -pl agent -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WindowsDemoIT}.
 */
@EnabledOnOs(OS.WINDOWS)
@Timeout(120)
class WindowsDemoIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final long LOGOFF = ENDSESSION_LOGOFF & 0xFFFFFFFFL;

    @TempDir
    Path dir;

    @Test
    void aVetoWithItsReasonThenAConfirmedEndWithItsCleanup() throws Exception {
        assertEquals(0, demo(new Win32PortJNA(), dir, System.out));
    }

    /** The app's hidden window: the bridge starts on its own thread, so it may take a moment to appear. */
    static long windowOf(Win32PortJNA port, TestJvm app) throws InterruptedException {
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

    /** @return 0 if every step went as the documentation says, else the number of the step that did not */
    static int demo(Win32PortJNA port, Path dir, PrintStream out) throws Exception {
        Path record = dir.resolve("record.txt");
        out.println("1. An app whose listener vetoes (\"Unsaved work\"): Windows asks it whether the session may end.");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=windows,log=info,name=Vetoing")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record, "-D" + RecordingListener.VETO + "=Unsaved work")
                .listener(RecordingListener.class).start(dir.resolve("vetoing"))) {
            app.awaitLine("ready", WAIT);
            long hwnd = windowOf(port, app);
            long answer = port.sendMessage(hwnd, WM_QUERYENDSESSION, 0, LOGOFF);
            out.println("   WM_QUERYENDSESSION(ENDSESSION_LOGOFF) answered " + answer + " (0 = blocks)");
            out.println("   the app says: " + app.awaitErrorLine(".*Vetoed.*", WAIT).strip());
            port.sendMessage(hwnd, WM_ENDSESSION, 0, LOGOFF);
            out.println("   WM_ENDSESSION(FALSE): the round is cancelled; the app runs on: " + app.process().isAlive());
            if (answer != 0 || !app.process().isAlive()) {
                return 1;
            }
        }
        out.println("2. An app that agrees: Windows confirms the end; the app cleans up, then exits.");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=windows,name=Agreeing")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record).listener(RecordingListener.class).start(dir.resolve("agreeing"))) {
            app.awaitLine("ready", WAIT);
            long hwnd = windowOf(port, app);
            long answer = port.sendMessage(hwnd, WM_QUERYENDSESSION, 0, LOGOFF);
            out.println("   WM_QUERYENDSESSION(ENDSESSION_LOGOFF) answered " + answer + " (1 = agrees)");
            port.sendMessage(hwnd, WM_ENDSESSION, 1, LOGOFF); // returns once the cleanups and the JVM's exit are done
            int status = app.awaitExit(WAIT);
            out.println("   WM_ENDSESSION(TRUE): the app exited with " + status + "; its record: "
                    + (Files.exists(record) ? RecordingListener.lines(record) : "none"));
            boolean cleaned = RecordingListener.lines(record).stream().anyMatch(l -> l.startsWith("end ") && l.endsWith("[LOGOFF]"));
            if (answer != 1 || status != JvmShutdown.SIGTERM_STATUS || !cleaned) {
                return 2;
            }
        }
        out.println("The demo went as documented.");
        return 0;
    }
}
