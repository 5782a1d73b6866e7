package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.StallingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JVMs with the real agent against real gnome-session 43 on a private desktop ({@link Desktop}):
 * the user logs out with {@code gnome-session-quit}, a stand-in for gnome-shell's dialog records
 * what GNOME would show and plays the user.
 */
@Timeout(120)
class GnomeSessionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private TestJvm app(Desktop desktop, String name, Path record, String... jvmOptions) {
        return app(desktop, name, record, TestJvm.main(WaitingApp.class).listener(SlowCleanupListener.class), jvmOptions);
    }

    private TestJvm app(Desktop desktop, String name, Path record, TestJvm.Builder builder, String... jvmOptions) {
        builder.agentOptions("name=" + name + ",app-id=org.example." + name + ",budget=30s")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record).jvmOptions(jvmOptions);
        TestJvm app = desktop.jvm(builder).start(dir.resolve(name));
        app.awaitLine("ready", WAIT);
        return app;
    }

    /** Waits until gnome-session has exactly {@code clients} clients (the test's @Timeout bounds it). */
    static void awaitRegistered(Desktop desktop, int clients) {
        while (desktop.gdbus("--session", "org.gnome.SessionManager", "/org/gnome/SessionManager",
                "org.gnome.SessionManager.GetClients").split("/org/gnome/SessionManager/Client").length - 1 != clients) {
            Daemon.pause();
        }
    }

    @Test
    void aVetoShowsItsReasonInGnomesDialogAndTheUsersCancelKeepsTheSession() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Desktop desktop = Desktop.start(dir)) {
            desktop.startGnomeSession();
            Daemon shell = desktop.startShell("cancel", Duration.ofMillis(300));
            try (TestJvm notes = app(desktop, "Notes", record, "-D" + RecordingListener.VETO + "=Unsaved changes in 2 documents")) {
                awaitRegistered(desktop, 1);
                desktop.logout();
                shell.awaitLine("row app=org.example.Notes reason=Unsaved changes in 2 documents$", WAIT);
                shell.awaitLine("user cancels", WAIT);
                awaitRecorded(record, "cancelled");
                assertTrue(desktop.sessionRunning(), "the session goes on after Cancel");
                List<String> events = events(record);
                assertEquals(List.of("query [LOGOFF]", "cancelled [LOGOFF]"), events);
                assertEquals(1, shell.lines().stream().filter(l -> l.contains(" row ")).count(),
                        "one row for the app in GNOME's dialog\n" + shell.output());
                // Issue 15's idle goal: after a whole round the bridge has added its event thread and no
                // "JNA Cleaner" (started by the first object registered with JNA's cleaner; it wakes every 30 s).
                List<String> threads = threadNames(notes.pid());
                assertTrue(threads.contains("endsession-linu"), "the bridge's event thread runs: " + threads);
                assertFalse(threads.contains("JNA Cleaner"), "no JNA Cleaner thread: " + threads);
            }
        }
    }

    @Test
    void logOutAnywayRunsEveryCleanupBeforeTheJvmAnswersThenStopExitsIt() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Desktop desktop = Desktop.start(dir)) {
            desktop.startGnomeSession();
            Daemon shell = desktop.startShell("confirm", Duration.ofMillis(300));
            Daemon answers = desktop.monitor("type='method_call',member='EndSessionResponse'");
            try (TestJvm notes = app(desktop, "Notes", record, "-D" + RecordingListener.VETO + "=Unsaved changes",
                    "-D" + SlowCleanupListener.CLEANUP + "=1000")) {
                awaitRegistered(desktop, 1);
                desktop.logout();
                shell.awaitLine("user confirms", WAIT);
                assertEquals(0, notes.awaitExit(WAIT), "gnome-session's Stop exits the JVM normally\n" + notes.describe());
                assertEquals(List.of("query [LOGOFF]", "end [LOGOFF]", "cleaned [LOGOFF]"), events(record));
                long cleaned = time(record, "cleaned");
                long ended = Desktop.awaitCall(answers, "EndSessionResponse", "boolean true", WAIT);
                assertTrue(ended >= cleaned, "EndSessionResponse(true) at " + ended + " came after the cleanup, done at " + cleaned
                        + "\n" + answers.output());
            }
        }
    }

    @Test
    void aHungListenerDoesNotMakeTheAppNotResponding() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Desktop desktop = Desktop.start(dir)) {
            desktop.startGnomeSession();
            Daemon shell = desktop.startShell("cancel", Duration.ofMillis(300));
            try (TestJvm hung = app(desktop, "Hung", record, TestJvm.main(WaitingApp.class).listener(StallingListener.class)
                    .listener(SlowCleanupListener.class))) {
                awaitRegistered(desktop, 1);
                desktop.logout();
                assertEquals(0, hung.awaitExit(WAIT), "the session ended and Stop exited the JVM\n" + hung.describe());
                assertFalse(shell.output().contains("open"), "no dialog: the app answered in time\n" + shell.output());
                assertEquals(List.of("query [LOGOFF]", "end [LOGOFF]", "cleaned [LOGOFF]"), events(record));
            }
        }
    }

    @Test
    void severalJvmsOneVetoingAllAreAskedOneRowIsShownAllAreCancelled() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Desktop desktop = Desktop.start(dir)) {
            desktop.startGnomeSession();
            Daemon shell = desktop.startShell("cancel", Duration.ofMillis(300));
            try (TestJvm a = app(desktop, "A", record, "-D" + RecordingListener.VETO + "=A has unsaved work");
                    TestJvm b = app(desktop, "B", record);
                    TestJvm c = app(desktop, "C", record)) {
                awaitRegistered(desktop, 3);
                desktop.logout();
                shell.awaitLine("user cancels", WAIT);
                for (TestJvm app : List.of(a, b, c)) {
                    awaitRecorded(record, "cancelled", app.pid());
                }
                assertEquals(List.of("row app=org.example.A reason=A has unsaved work"),
                        shell.lines().stream().filter(l -> l.contains(" row ")).map(l -> l.split(" ", 2)[1]).toList());
                assertEquals(6, events(record).size(), "each JVM: one query, one cancel: " + Desktop.recorded(record));
                assertTrue(desktop.sessionRunning());
            }
        }
    }

    /** @return the names of a process's threads, as the kernel has them (at most 15 characters) */
    static List<String> threadNames(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            List<String> names = new ArrayList<>();
            for (Path task : tasks.toList()) {
                names.add(Files.readString(task.resolve("comm")).strip());
            }
            return names;
        }
    }

    static void awaitRecorded(Path record, String event, long pid) {
        java.time.Instant end = java.time.Instant.now().plus(WAIT);
        while (Desktop.recorded(record).stream().noneMatch(l -> l.startsWith(event + " " + pid + " "))) {
            if (java.time.Instant.now().isAfter(end)) {
                throw new AssertionError("no '" + event + "' of " + pid + " recorded within " + WAIT + ": " + Desktop.recorded(record));
            }
            Daemon.pause();
        }
    }

    /** @return when {@code event} was recorded, in epoch milliseconds */
    static long time(Path record, String event) {
        return Desktop.recorded(record).stream().filter(l -> l.startsWith(event + " ")).mapToLong(l -> Long.parseLong(l.split(" ")[2]))
                .findFirst().orElseThrow();
    }

    static void awaitRecorded(Path record, String event) {
        java.time.Instant end = java.time.Instant.now().plus(WAIT);
        while (Desktop.recorded(record).stream().noneMatch(l -> l.startsWith(event + " "))) {
            if (java.time.Instant.now().isAfter(end)) {
                throw new AssertionError("no '" + event + "' recorded within " + WAIT + ": " + Desktop.recorded(record));
            }
            Daemon.pause();
        }
    }

    /** @return the recorded events without pid and time: {@code query [LOGOFF]} */
    static List<String> events(Path record) {
        return Desktop.recorded(record).stream().map(l -> l.split(" ", 4)).map(p -> p[0] + " " + p[3]).toList();
    }
}
