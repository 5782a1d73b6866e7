package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.StallingListener;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rounds over real app JVMs, driven by the CLI: force, classic, shutdown levels, another session, services. */
class RoundIT {

    static final Duration GONE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void forceAsksNobodyRunsEachCleanupOnceAndEndsEveryProcess() {
        try (BusSession session = new BusSession(dir)) {
            List<TestJvm> apps = List.of(session.app("name=a"), session.app("name=b", "-Dendsession.test.veto=busy"),
                    session.app("name=c"));

            BusSession.Run run = session.cli("logoff", "--force", "--json");

            assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
            assertTrue(run.out().startsWith("{\"outcome\":\"ended\",\"mode\":\"modern\",\"reasons\":[\"logoff\",\"forced\"]"),
                    run.out());
            for (TestJvm app : apps) {
                assertEquals(0, app.awaitExit(GONE), app.describe());
                assertEquals(0, session.events("query", app).size(), "no query may reach pid " + app.pid());
                assertEquals(List.of("[LOGOFF, FORCED]"), session.events("end", app).stream()
                        .map(line -> line.substring(line.indexOf('['))).toList(), "one cleanup in pid " + app.pid());
            }
            assertEquals(3, run.out().split("\"answer\":\"not-asked\"", -1).length - 1, run.out());
            assertEquals(3, run.out().split("\"terminated\":true", -1).length - 1, run.out());
        }
    }

    @Test
    void classicEndsTheAppThatAgreedBeforeTheVetoAndAsksNobodyAfterIt() {
        try (BusSession session = new BusSession(dir)) {
            TestJvm first = session.app("name=first,level=0x300");
            TestJvm vetoing = session.app("name=vetoing,level=0x280", "-Dendsession.test.veto=Printing");
            TestJvm last = session.app("name=last,level=0x100");

            BusSession.Run run = session.cli("logoff", "--mode", "classic", "--json");

            assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
            assertEquals(0, first.awaitExit(GONE));
            assertEquals(1, session.events("end", first).size());
            assertTrue(run.out().contains("\"name\":\"vetoing\",\"answer\":\"veto\",\"reason\":\"Printing\""), run.out());
            assertTrue(run.out().contains("\"name\":\"last\",\"answer\":\"not-asked\""), run.out());
            assertEquals(0, session.events("query", last).size());
            assertTrue(vetoing.process().isAlive() && last.process().isAlive());
        }
    }

    @Test
    void shutdownAsksAndEndsHigherLevelsFirst() {
        try (BusSession session = new BusSession(dir)) {
            String slow = "-D" + StallingListener.STALL + "=100"; // each answer takes a visible moment
            TestJvm low = session.app("default", "name=low,level=0x100,budget=10s", List.of(StallingListener.class), slow);
            TestJvm high = session.app("default", "name=high,level=0x3FF,budget=10s", List.of(StallingListener.class), slow);
            TestJvm mid = session.app("default", "name=mid,level=0x280,budget=10s", List.of(StallingListener.class), slow);

            BusSession.Run run = session.cli("shutdown");

            assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
            for (String event : List.of("query", "end")) {
                long h = session.firstTime(event, high);
                long m = session.firstTime(event, mid);
                long l = session.firstTime(event, low);
                assertTrue(h < m && m < l, event + " times high " + h + ", mid " + m + ", low " + l);
            }
        }
    }

    @Test
    void appsOfOneLevelAreAskedInParallel() {
        try (BusSession session = new BusSession(dir)) {
            String stall = "-D" + StallingListener.STALL + "=1500"; // each app answers 1.5 s after it is asked
            List<TestJvm> apps = new java.util.ArrayList<>();
            for (String name : List.of("a", "b", "c", "d")) {
                apps.add(session.app("default", "name=" + name + ",budget=10s", List.of(StallingListener.class), stall));
            }

            BusSession.Run run = session.cli("logoff", "--timeout", "10s");

            assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
            // Asked one after another, each app would be asked 1.5 s after the previous one.
            List<Long> asked = apps.stream().map(app -> session.firstTime("query", app)).sorted().toList();
            long spread = asked.get(asked.size() - 1) - asked.get(0);
            assertTrue(spread < 1_500, "four apps were asked over " + spread + " ms");
        }
    }

    @Test
    void anotherSessionGetsNotificationsOnlyAndEveryProcessSurvives() {
        try (BusSession session = new BusSession(dir)) {
            List<TestJvm> apps = List.of(session.app("theirs", "name=a", List.of()), session.app("theirs", "name=b", List.of()));

            BusSession.Run run = session.cli("logoff", "--session", "theirs", "--json");

            assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
            assertFalse(run.out().contains("\"terminated\":true"), run.out());
            for (TestJvm app : apps) {
                assertEquals(1, session.events("query", app).size());
                assertEquals(1, session.events("end", app).size());
                assertTrue(app.process().isAlive(), "pid " + app.pid() + " must survive");
            }
        }
    }

    @Nested
    class Services {
        @Test
        void aServiceIgnoresALogoffAndEndsAtAShutdown() {
            try (BusSession session = new BusSession(dir)) {
                TestJvm service = session.app("name=daemon,service=true");
                TestJvm app = session.app("name=app");

                BusSession.Run logoff = session.cli("logoff");
                assertEquals(Cli.ENDED, logoff.code(), logoff.out() + logoff.err());
                assertEquals(0, app.awaitExit(GONE));
                assertTrue(logoff.out().contains("console    daemon (pid " + service.pid() + ") ignores the notice"), logoff.out());
                assertTrue(service.process().isAlive());
                assertEquals(List.of(), session.events("", service));

                BusSession.Run shutdown = session.cli("shutdown");
                assertEquals(Cli.ENDED, shutdown.code(), shutdown.out() + shutdown.err());
                assertEquals(0, service.awaitExit(GONE));
                assertEquals(1, session.events("end", service).size());
                String end = session.events("end", service).get(0);
                assertTrue(end.endsWith("[SHUTDOWN]"), end);
            }
        }
    }
}
