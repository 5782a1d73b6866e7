package com.example.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.testkit.EndSessionTest;
import dev.endsession.testkit.RoundReport;
import dev.endsession.testkit.RoundSpec;
import dev.endsession.testkit.SimulatedSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Simulated rounds in this JVM, on JUnit 5.10. */
@EndSessionTest
@Timeout(30)
class RecorderListenerTest {

    final Recorder recorder = new Recorder();

    @Test
    void aLogoffIsVetoedWhileRecording(SimulatedSession session) {
        recorder.start("take 3");
        session.app("recorder").listener(new RecorderListener(recorder));

        RoundReport logoff = session.logoff();

        assertTrue(logoff.cancelled());
        assertEquals("Recording take 3", logoff.app("recorder").reason());
        assertEquals("take 3", recorder.recording(), "still recording: the session goes on");
    }

    @Test
    void aForcedLogoffSavesTheTake(SimulatedSession session) {
        recorder.start("take 4");
        session.app("recorder").listener(new RecorderListener(recorder));

        RoundReport logoff = session.run(RoundSpec.logoff().force());

        assertTrue(logoff.ended());
        assertEquals("take 4", recorder.saved());
        assertNull(recorder.recording());
    }
}
