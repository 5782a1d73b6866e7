package com.example.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.EndSession;
import dev.endsession.testkit.EndSessionTest;
import dev.endsession.testkit.RealApp;
import dev.endsession.testkit.RealSession;
import dev.endsession.testkit.RoundReport;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real JVM with the agent jar (fetched as a Maven artifact) on a private session bus, on JUnit 5.10. */
@EndSessionTest
@Timeout(60)
class RecorderAppTest {

    private static RealApp started;

    /** The app under test: records until the session ends. */
    public static final class RecorderApp {
        public static void main(String[] args) throws InterruptedException {
            Recorder recorder = new Recorder();
            recorder.start(args[0]);
            EndSession.register(new RecorderListener(recorder));
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aRecordingAppVetoesARealLogoff(RealSession session) throws Exception {
        started = session.start(RecorderApp.class, "name=recorder", "take 5");

        RoundReport logoff = session.logoff();

        assertTrue(logoff.cancelled());
        assertEquals("Recording take 5", logoff.app("recorder").reason());
        assertTrue(started.alive());
    }

    /** The session was closed with the test, on JUnit 5.10 too: its JVM is gone. */
    @AfterAll
    static void theSessionsJvmIsGoneAfterTheTest() {
        started.awaitExit(Duration.ofSeconds(20));
    }
}
