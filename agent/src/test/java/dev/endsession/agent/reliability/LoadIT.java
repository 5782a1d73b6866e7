package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Load: many JVMs each appending acknowledged records to a journal, then all ended at once, by a
 * forced logoff on the session bus or by SIGTERM. Every acknowledged record is on disk afterwards
 * and each journal was closed by its cleanup exactly once. The same with a second plugin in every
 * app whose cleanup calls {@code System.exit} (the app's own {@code quit()}), forced and unforced.
 * 10 JVMs in CI, 50 with {@code -Dreliability.full=true} (20 for the exiting cleanups).
 */
class LoadIT {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final int JVMS = Scale.of(10, 50);
    static final int EXITING_JVMS = Scale.of(10, 20);

    @TempDir
    Path dir;

    final List<TestJvm> apps = new ArrayList<>();
    final List<Path> journals = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        apps.forEach(TestJvm::close);
    }

    /** Starts the journal apps on a private session bus and waits until each acknowledged some records. */
    void startJournals() {
        startJournals(JVMS, false);
    }

    /** Starts {@code count} journal apps, with a cleanup calling {@code System.exit(7)} in each if {@code exiting}. */
    void startJournals(int count, boolean exiting) {
        for (int i = 0; i < count; i++) {
            Path journal = dir.resolve("journal-" + i + ".txt");
            journals.add(journal);
            TestJvm.Builder app = TestJvm.main(JournalApp.class).args(journal.toString()).agentOptions("name=journal-" + i)
                    .listener(JournalCleanup.class).env("ENDSESSION_BUS_DIR", dir.resolve("bus").toString())
                    .jvmOptions("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
            if (exiting) {
                app.listener(FaultyListener.class).jvmOptions("-D" + FaultyListener.FAULT + "=exit", "-D" + FaultyListener.PHASE + "=end");
            }
            apps.add(app.start(dir.resolve("app-" + i)));
        }
        for (TestJvm app : apps) {
            app.awaitLine("^ack 20$", WAIT);
            Path socket = dir.resolve("bus").resolve("default").resolve(app.pid() + ".sock");
            BusSession.await(() -> Files.exists(socket), "the socket " + socket, app); // bound off the start-up path
        }
    }

    @Test
    @Timeout(600)
    void aForcedLogoffOfEveryJournalAppLosesNoAcknowledgedRecord() {
        startJournals();
        BusSession.Run run;
        try (BusSession bus = new BusSession(dir)) { // the same bus directory, dir/bus; it started no JVM of its own
            run = bus.cli("logoff", "--force", "--json");
        }
        assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
        assertEquals(JVMS, run.out().split("\"terminated\":true", -1).length - 1, "every app terminated: " + run.out());
        long records = 0;
        for (int i = 0; i < apps.size(); i++) {
            apps.get(i).awaitExit(WAIT);
            records += Journals.assertEveryAckedRecordOnDisk(apps.get(i), journals.get(i));
        }
        assertTrue(records >= 20L * JVMS, "each app acknowledged at least 20 records: " + records);
    }

    @ParameterizedTest(name = "logoff {0}: a cleanup calling System.exit in every app loses no acknowledged record")
    @ValueSource(strings = {"--json", "--force --json"})
    @Timeout(600)
    void aLogoffWhereEveryAppsCleanupCallsSystemExitLosesNoAcknowledgedRecord(String options) {
        startJournals(EXITING_JVMS, true);
        List<String> args = new ArrayList<>(List.of("logoff"));
        args.addAll(List.of(options.split(" ")));
        BusSession.Run run;
        try (BusSession bus = new BusSession(dir)) {
            run = bus.cli(args.toArray(String[]::new));
        }
        assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
        assertEquals(EXITING_JVMS, run.out().split("\"exit\":\"during-cleanup\"", -1).length - 1,
                "every app exited on its own: " + run.out());
        long records = 0;
        for (int i = 0; i < apps.size(); i++) {
            assertEquals(7, apps.get(i).awaitExit(WAIT), "exited with its own status, never killed\n" + apps.get(i).describe());
            records += Journals.assertEveryAckedRecordOnDisk(apps.get(i), journals.get(i));
        }
        assertTrue(records >= 20L * EXITING_JVMS, "each app acknowledged at least 20 records: " + records);
        System.out.println("LoadIT: " + EXITING_JVMS + " JVMs, logoff " + options + ": " + records + " records on disk, 0 acknowledged lost");
    }

    @Test
    @Timeout(600)
    void sigtermToEveryJournalAppLosesNoAcknowledgedRecord() {
        startJournals();
        apps.forEach(TestJvm::terminate);
        long records = 0;
        for (int i = 0; i < apps.size(); i++) {
            apps.get(i).awaitExit(WAIT);
            records += Journals.assertEveryAckedRecordOnDisk(apps.get(i), journals.get(i));
        }
        assertTrue(records >= 20L * JVMS, "each app acknowledged at least 20 records: " + records);
    }
}
