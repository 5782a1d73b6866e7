package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code EndSession.logoff()} inside an app runs a round on the bus, in which that app takes part too. */
class InitiateIT {

    @TempDir
    Path dir;

    TestJvm initiator(BusSession session) {
        TestJvm jvm = TestJvm.main(InitiatingApp.class).agentOptions("name=initiator,bridge=bus")
                .listener(RecordingListener.class).jvmOptions("-D" + RecordingListener.RECORD + "=" + session.record())
                .env(SessionDirectory.BUS_DIR, session.busDir().toString()).start(dir.resolve("initiator"));
        jvm.awaitLine("^ready ", BusSession.START);
        return jvm;
    }

    static void trigger(TestJvm jvm) throws IOException {
        OutputStream in = jvm.process().getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    @Test
    void aVetoElsewhereMakesLogoffReturnFalseAndEveryoneRunsOn() throws IOException {
        try (BusSession session = new BusSession(dir); TestJvm self = initiator(session)) {
            TestJvm other = session.app("name=other", "-Dendsession.test.veto=Unsaved work");
            trigger(self);
            self.awaitLine("^logoff returned false$", Duration.ofSeconds(30));
            assertEquals(1, session.events("query", self).size(), "the initiating app is asked too");
            assertEquals(1, session.events("cancelled", self).size());
            assertTrue(self.process().isAlive() && other.process().isAlive());
        }
    }

    @Test
    void anAgreedLogoffEndsTheOthersAndThenTheInitiatingAppItself() throws IOException {
        try (BusSession session = new BusSession(dir); TestJvm self = initiator(session)) {
            TestJvm other = session.app("name=other");
            trigger(self);
            assertEquals(0, other.awaitExit(RoundIT.GONE));
            assertEquals(0, self.awaitExit(RoundIT.GONE));
            assertEquals(1, session.events("end", self).size(), "cleanup once, not again at JVM exit");
            assertEquals(1, session.events("end", other).size());
        }
    }
}
