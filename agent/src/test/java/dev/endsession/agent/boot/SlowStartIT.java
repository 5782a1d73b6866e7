package dev.endsession.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.api.EndSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that starts slowly, as on a starved machine at login (issue 12 item 3): its start is
 * held back deterministically (the start thread waits on a named pipe until the test writes to it)
 * while the application's main registers a listener. Before, {@code register} waited 5 s and threw
 * {@code IllegalStateException}: the app exited 1. Now it returns at once and the listener takes
 * part once the agent runs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowStartIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void registerDuringAHeldStartNeverThrowsAndTakesEffectOnceTheAgentRuns() throws Exception {
        Path hold = dir.resolve("hold");
        Process mkfifo = new ProcessBuilder("mkfifo", hold.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        Path record = dir.resolve("record.txt");
        try (TestJvm app = TestJvm.main(RegistersFirstThing.class).agentOptions("bridge=none,log=info")
                .jvmOptions("-D" + Startup.HOLD_FOR_TESTS + "=" + hold, "-D" + RecordingListener.RECORD + "=" + record)
                .start(dir)) {
            assertEquals("registered, removed an unknown one: false, reasons []", app.awaitLine("^registered", WAIT), app.describe());
            assertTrue(app.process().isAlive(), app.describe());
            assertTrue(!app.stderr().contains("EndSession agent started"), "the start was held: " + app.describe());
            try (OutputStream release = Files.newOutputStream(hold)) {
                release.write('\n');
            }
            app.awaitErrorLine("EndSession agent started as 'SlowStartIT\\$RegistersFirstThing' \\(bridge none, 1 listeners\\)", WAIT);
            app.terminate();
            app.awaitExit(WAIT);
            List<String> ends = RecordingListener.lines(record).stream().filter(l -> l.startsWith("end ")).toList();
            assertEquals(1, ends.size(), "the listener registered during the start got its cleanup: " + app.describe());
            assertTrue(!app.stderr().contains("Exception"), app.describe());
        }
    }

    /** An application whose main registers a listener first thing, then says what the facade answered. */
    public static final class RegistersFirstThing {
        public static void main(String[] args) throws InterruptedException {
            EndSession.register(new RecordingListener());
            boolean removed = EndSession.remove(new RecordingListener());
            System.out.println("registered, removed an unknown one: " + removed + ", reasons " + EndSession.blockReasons());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
