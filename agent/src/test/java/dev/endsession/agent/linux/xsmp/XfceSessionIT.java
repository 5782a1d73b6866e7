package dev.endsession.agent.linux.xsmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JVMs with the real agent jar as XSMP clients of the real xfce4-session (4.18), logged out over
 * its D-Bus API: the veto over XSMP stops the logout (Xfce ignores a D-Bus client's veto); an
 * agreement ends the JVM with its cleanups run; Xfce shows the {@code name} option, once.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(180)
class XfceSessionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final MarkedProcesses marked = new MarkedProcesses();
    private VirtualDisplay display;
    private XfceSession xfce;

    @BeforeEach
    void startXfce() {
        display = VirtualDisplay.start(dir.resolve("x"));
        xfce = XfceSession.start(dir.resolve("xfce"), display.display(), marked);
    }

    @AfterEach
    void stop() {
        xfce.close();
        marked.end();
        display.close();
    }

    private TestJvm app(Path record, String veto) {
        return RecordingApp.start(dir.resolve("app"), xfce.clientEnv(), "NotesXfce", record, veto, WAIT);
    }

    @Test
    void aVetoOverXsmpStopsTheLogoutAndXfceShowsTheNameOnce() {
        Path record = dir.resolve("record");
        try (TestJvm app = app(record, "Unsaved notes")) {
            assertEquals(1, Collections.frequency(xfce.programs(), "NotesXfce"), xfce.programs().toString());

            xfce.logout();

            app.awaitErrorLine("Stopping the session manager's shutdown: \\[Unsaved notes\\]", WAIT);
            Commands.await("the listener told of the cancel", WAIT, () -> RecordingApp.events(record).contains("cancelled") ? true : null);
            assertEquals(List.of("query", "cancelled"), RecordingApp.events(record), app.describe());
            Commands.await("xfce4-session idle again", WAIT, () -> xfce.state().equals("(uint32 1,)") ? true : null);
            assertTrue(xfce.isRunning());
            assertTrue(app.process().isAlive(), app.describe());
            assertEquals(1, Collections.frequency(xfce.programs(), "NotesXfce"), xfce.programs().toString());
        }
    }

    @Test
    void anAgreementEndsTheJvmWithItsCleanupsRun() {
        Path record = dir.resolve("record");
        try (TestJvm app = app(record, null)) {
            xfce.logout();

            assertEquals(0, app.awaitExit(WAIT), app.describe());
            assertEquals(List.of("query", "end"), RecordingApp.events(record), app.describe());
            assertTrue(RecordingListener.lines(record).get(1).endsWith("[LOGOFF]"), RecordingListener.lines(record).toString());
        }
    }

    /** The C library's environment, which libICE reads its authority file's name from. */
    interface CEnvironment extends Library {
        int setenv(String name, String value, int overwrite);
    }

    @Test
    void aJvmRegistersOnceAndLeavesWhenClosed() {
        // This JVM (the test's) is the client here: libICE must find xfce4-session's authority file.
        Native.load("c", CEnvironment.class).setenv("ICEAUTHORITY", xfce.clientEnv().get("ICEAUTHORITY"), 1);
        AgentOptions options = AgentOptions.defaults("InProcessNotes");
        Coordinator coordinator = new Coordinator(Policy.defaults());
        XsmpProtocol first = new XsmpProtocol(xfce.clientEnv());
        XsmpProtocol second = new XsmpProtocol(xfce.clientEnv());
        try {
            assertTrue(first.start(coordinator, options));
            Commands.await("the client listed", WAIT, () -> xfce.programs().contains("InProcessNotes") ? true : null);

            assertFalse(second.start(coordinator, options), "a second registration of one JVM");
            assertEquals(1, Collections.frequency(xfce.programs(), "InProcessNotes"), xfce.programs().toString());
        } finally {
            second.close();
            first.close();
        }
        Commands.await("the client gone", WAIT, () -> xfce.programs().contains("InProcessNotes") ? null : true);
    }

    @Test
    void withoutSessionManagerNothingStarts() {
        assertFalse(new XsmpProtocol(Map.of()).start(new Coordinator(Policy.defaults()), AgentOptions.defaults("x")));
    }
}
