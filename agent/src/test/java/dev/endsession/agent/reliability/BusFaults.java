package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What the bus fault tests share: a private bus per test, and apps with a {@link FaultyListener}. */
abstract class BusFaults {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    BusSession session;

    @BeforeEach
    void bus() {
        session = new BusSession(dir);
    }

    @AfterEach
    void killLeftovers() {
        session.close();
    }

    /** An app whose {@link FaultyListener} does {@code fault} in {@code phase}; listener budget 30 s. */
    TestJvm faulty(String fault, String phase) {
        return faulty(fault, phase, "30s");
    }

    /** An app whose {@link FaultyListener} does {@code fault} in {@code phase}, each listener given {@code budget}. */
    TestJvm faulty(String fault, String phase, String budget) {
        return session.app("default", "name=faulty,budget=" + budget, List.of(FaultyListener.class),
                "-D" + FaultyListener.FAULT + "=" + fault, "-D" + FaultyListener.PHASE + "=" + phase);
    }

    /** Runs {@code logoff --json}: it must end the session, and each of {@code apps} must exit 0. */
    BusSession.Run assertLogoffEnds(TestJvm... apps) {
        BusSession.Run run = session.cli("logoff", "--json");
        assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
        for (TestJvm app : apps) {
            assertEquals(0, app.awaitExit(WAIT), app.describe());
        }
        return run;
    }

    Path sessionDir() {
        return session.busDir().resolve("default");
    }

    static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
