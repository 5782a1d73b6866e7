package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.StallingListener;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round's lease: an initiator killed mid-round cancels the round in every app it reached. */
class LeaseIT {

    @TempDir
    Path dir;

    @Test
    void anInitiatorKilledMidRoundLeavesTheAppsIdleAndTheNextRoundWorks() throws Exception {
        try (BusSession session = new BusSession(dir)) {
            TestJvm slow = session.app("default", "name=slow,budget=30s", List.of(StallingListener.class),
                    "-D" + StallingListener.STALL + "=3000");
            TestJvm quick = session.app("name=quick");
            Process cli = cliProcess(session, "logoff");
            try {
                awaitRecord(session, "query", quick); // the round is under way: quick agreed, slow is still thinking
                awaitRecord(session, "query", slow); // recorded before the stall: listeners run in registration order
                cli.destroyForcibly();
                assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
            } finally {
                cli.destroyForcibly();
            }

            awaitRecord(session, "cancelled", quick);
            awaitRecord(session, "cancelled", slow);
            BusSession.Run status = session.cli("status", "--json");
            assertEquals(2, status.out().split("\"state\":\"idle\"", -1).length - 1, status.out());
            assertEquals(0, session.events("end", quick).size());

            BusSession.Run next = session.cli("logoff", "--force");
            assertEquals(Cli.ENDED, next.code(), next.out() + next.err());
            assertEquals(0, slow.awaitExit(RoundIT.GONE));
            assertEquals(0, quick.awaitExit(RoundIT.GONE));
        }
    }

    /** The real CLI, {@code java -jar endsession-agent.jar}, as its own process in the test's session. */
    static Process cliProcess(BusSession session, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TestJvm.agentJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(session.record().resolveSibling("cli-" + System.nanoTime() + ".out").toFile());
        builder.environment().put(SessionDirectory.BUS_DIR, session.busDir().toString());
        builder.environment().put(SessionDirectory.SESSION, "default");
        return builder.start();
    }

    /** Waits for {@code jvm} to record {@code event}, polling the file the apps write. */
    static void awaitRecord(BusSession session, String event, TestJvm jvm) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (session.events(event, jvm).isEmpty()) {
            assertTrue(Instant.now().isBefore(end), "no '" + event + "' from pid " + jvm.pid() + " in "
                    + RecordingListener.lines(session.record()) + "\n" + jvm.describe());
            Thread.sleep(20); // a pause between reads of a file other processes write
        }
    }
}
