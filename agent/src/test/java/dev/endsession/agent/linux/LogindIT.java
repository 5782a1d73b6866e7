package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JVMs with the real agent against real elogind 246 ({@link Elogind}: in its own namespace, its
 * power commands harmless): a root {@code PowerOff} waits for the JVM's cleanups, up to logind's
 * {@code InhibitDelayMaxSec}.
 */
@Timeout(120)
class LogindIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private TestJvm app(Elogind elogind, String name, Path record, String cleanup) {
        TestJvm.Builder builder = TestJvm.main(WaitingApp.class).listener(SlowCleanupListener.class)
                .agentOptions("name=" + name + ",exit-budget=30s")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record, "-D" + SlowCleanupListener.CLEANUP + "=" + cleanup);
        TestJvm app = elogind.jvm(builder).start(dir.resolve(name));
        app.awaitLine("ready", WAIT);
        return app;
    }

    @Test
    void powerOffWaitsForTheCleanupsThenElogindGoesOn() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Elogind elogind = Elogind.start(dir, 10); TestJvm app = app(elogind, "Saver", record, "1000")) {
            elogind.awaitLock("Saver");
            long asked = System.currentTimeMillis();
            elogind.manager("PowerOff", "false");
            long poweroff = elogind.awaitPowerOff(WAIT);
            assertEquals(List.of("end [SHUTDOWN]", "cleaned [SHUTDOWN]"), GnomeSessionIT.events(record));
            long cleaned = GnomeSessionIT.time(record, "cleaned");
            assertTrue(cleaned <= poweroff, "the fake poweroff ran at " + poweroff + ", after the cleanup, done at " + cleaned);
            assertTrue(cleaned - asked >= 1000, "the cleanup took its second before the poweroff: " + (cleaned - asked) + " ms");
        }
    }

    @Test
    void aHangingCleanupIsCutAtInhibitDelayMaxSec() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Elogind elogind = Elogind.start(dir, 3); TestJvm app = app(elogind, "Hanger", record, "forever")) {
            elogind.awaitLock("Hanger");
            long asked = System.currentTimeMillis();
            elogind.manager("PowerOff", "false");
            long poweroff = elogind.awaitPowerOff(WAIT);
            assertEquals(List.of("end [SHUTDOWN]"), GnomeSessionIT.events(record), "the cleanup started and never finished");
            long held = poweroff - asked;
            assertTrue(held >= 2000, "the lock held the poweroff for most of InhibitDelayMaxSec=3: " + held + " ms");
            assertFalse(held > 20_000, "the poweroff came, not blocked by the hanging cleanup: " + held + " ms");
        }
    }

    /**
     * GNOME's power-off: "Power off anyway" sends gnome-session's EndSession and logind's
     * PrepareForShutdown(true) milliseconds apart. The cleanup runs once, with SHUTDOWN, and
     * elogind powers off only after it.
     */
    @Test
    void gnomesPowerOffRunsTheCleanupOnceBeforeThePowerOff() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Elogind elogind = Elogind.start(dir, 10); Desktop desktop = Desktop.start(dir.resolve("desktop"), elogind)) {
            desktop.startGnomeSession();
            Daemon shell = desktop.startShell("confirm", Duration.ofMillis(300));
            TestJvm.Builder builder = desktop.jvm(TestJvm.main(WaitingApp.class).listener(SlowCleanupListener.class)
                    .agentOptions("name=Notes,app-id=org.example.Notes,exit-budget=30s")
                    .jvmOptions("-D" + RecordingListener.RECORD + "=" + record, "-D" + RecordingListener.VETO + "=Unsaved",
                            "-D" + SlowCleanupListener.CLEANUP + "=1000"));
            try (TestJvm app = builder.start(dir.resolve("Notes"))) {
                app.awaitLine("ready", WAIT);
                elogind.awaitLock("Notes");
                GnomeSessionIT.awaitRegistered(desktop, 1);
                desktop.powerOff();
                shell.awaitLine("user confirms", WAIT);
                long poweroff = elogind.awaitPowerOff(WAIT);
                GnomeSessionIT.awaitRecorded(record, "cleaned");
                assertEquals(List.of("query [LOGOFF]", "end [SHUTDOWN]", "cleaned [SHUTDOWN]"), GnomeSessionIT.events(record));
                assertTrue(GnomeSessionIT.time(record, "cleaned") <= poweroff, "poweroff at " + poweroff + " after the cleanup");
            }
        }
    }
}
