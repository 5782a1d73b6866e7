package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real apps, one vetoing with a reason: the logoff is cancelled and nobody is terminated. */
class VetoIT {

    @TempDir
    Path dir;

    @Test
    void oneVetoCancelsTheLogoffNamesTheBlockerAndCancelsTheOthers() {
        try (BusSession session = new BusSession(dir)) {
            TestJvm a = session.app("name=alpha");
            TestJvm b = session.app("name=beta", "-Dendsession.test.veto=Unsaved changes in \"notes.txt\"");
            TestJvm c = session.app("name=gamma");

            BusSession.Run run = session.cli("logoff", "--json");

            assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
            String json = run.out().strip();
            assertTrue(json.startsWith("{\"outcome\":\"cancelled\",\"mode\":\"modern\",\"reasons\":[\"logoff\"]"), json);
            assertTrue(json.contains("{\"pid\":" + b.pid() + ",\"name\":\"beta\",\"answer\":\"veto\","
                    + "\"reason\":\"Unsaved changes in \\\"notes.txt\\\"\""), json);
            assertTrue(json.contains("{\"pid\":" + a.pid() + ",\"name\":\"alpha\",\"answer\":\"ok\""), json);
            assertTrue(!json.contains("\"terminated\":true"), json);
            for (TestJvm app : new TestJvm[] {a, b, c}) {
                assertTrue(app.process().isAlive(), "pid " + app.pid() + " must still run");
                assertEquals(1, session.events("query", app).size(), "asked once: " + app.pid());
                assertEquals(0, session.events("end", app).size(), "never ended: " + app.pid());
            }
            assertEquals(1, session.events("cancelled", a).size());
            assertEquals(1, session.events("cancelled", c).size());

            BusSession.Run status = session.cli("status", "--json");
            assertEquals(Cli.ENDED, status.code(), status.err());
            assertEquals(3, status.out().split("\"state\":\"idle\"", -1).length - 1, status.out());
        }
    }

    @Test
    void onBlockForceSaysHowManyVetoesItOverrode() {
        try (BusSession session = new BusSession(dir)) {
            TestJvm a = session.app("name=alpha");
            TestJvm b = session.app("name=beta", "-Dendsession.test.veto=Unsaved changes");

            BusSession.Run run = session.cli("logoff", "--on-block", "force");

            assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("; --on-block force overrode 1 veto.\n  overrode beta (pid " + b.pid()
                    + "): Unsaved changes\n"), run.out());
            assertEquals(1, session.events("end", a).size());
        }
    }
}
