package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faulty cleanups when the JVM exits on its own (SIGTERM): a cleanup that throws, hangs, calls
 * {@code System.exit} or deadlocks runs first (order 10); the other cleanup still runs exactly once
 * and the JVM is gone within the exit budget, never hanging on the faulty one.
 */
class ExitFaultsIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "a cleanup that does ''{0}'' at SIGTERM neither hangs the JVM nor stops the other cleanup")
    @ValueSource(strings = {"throw", "hang", "exit", "deadlock"})
    @Timeout(120)
    void aFaultyCleanupAtJvmExit(String fault) {
        Path record = dir.resolve("record.txt");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=none,exit-budget=2s")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record, "-D" + FaultyListener.FAULT + "=" + fault,
                        "-D" + FaultyListener.PHASE + "=end")
                .listener(RecordingListener.class).listener(FaultyListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            app.terminate();
            app.awaitExit(WAIT);
            long ends = RecordingListener.lines(record).stream().filter(l -> l.startsWith("end " + app.pid() + " ")).count();
            assertEquals(1, ends, "the well-behaved cleanup ran exactly once\n" + app.describe());
        }
    }
}
