package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cleanup that calls {@code System.exit(7)} during a logoff (a plugin that saves, then calls the
 * app's own {@code quit()}): the app hangs up on the round in the middle of its End. The initiator
 * gives it the grace period to exit on its own instead of killing it, so its other cleanup and its
 * own shutdown hook run, and the report says it exited during its cleanup.
 */
class ExitDuringCleanupIT extends BusFaults {

    @ParameterizedTest(name = "logoff {0}: an app exiting in its cleanup is not killed")
    @ValueSource(strings = {"--json", "--force", "--force --json"})
    @Timeout(120)
    void aCleanupThatCallsSystemExitIsLetFinish(String options) {
        TestJvm faulty = session.app("default", "name=faulty", List.of(FaultyListener.class),
                "-D" + FaultyListener.FAULT + "=exit", "-D" + FaultyListener.PHASE + "=end", "-D" + WaitingApp.APP_HOOK + "=true");
        TestJvm good = session.app("name=good");
        List<String> args = new ArrayList<>(List.of("logoff"));
        args.addAll(List.of(options.split(" ")));
        BusSession.Run run = session.cli(args.toArray(String[]::new));

        assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
        assertEquals(7, faulty.awaitExit(WAIT), "it exited with its own status, not killed (137)\n" + faulty.describe());
        assertEquals(1, session.events("end", faulty).size(), "its other cleanup ran exactly once\n" + faulty.describe());
        assertTrue(faulty.stdout().contains("app shutdown hook ran"), "the app's own hook ran\n" + faulty.describe());
        // The JVM's exit, from inside the cleanup, does not wait out the End's deadline for that cleanup.
        assertFalse(faulty.stderr().contains("Cleanups still running at the deadline"), faulty.describe());
        if (options.contains("--json")) {
            assertTrue(run.out().matches("(?s).*\"pid\":" + faulty.pid() + ",[^}]*\"terminated\":true,\"exit\":\"during-cleanup\"}.*"),
                    "reported as exited during its cleanup: " + run.out());
        } else {
            assertTrue(run.out().contains("exited     faulty (pid " + faulty.pid() + ") during its cleanup"), run.out());
            assertTrue(run.out().contains("2 of 2 apps terminated (1 exited on their own during their cleanup)."), run.out());
        }
        assertEquals(0, good.awaitExit(WAIT), good.describe());
        assertEquals(1, session.events("end", good).size());

        BusSession.Run text = session.cli("status");
        assertEquals(Cli.FAILURE, text.code(), "nobody left on the bus: " + text.out() + text.err());
    }
}
