package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JVM started with {@code -Xrs}: SIGTERM ends it without shutdown hooks, so its cleanups cannot
 * run at a kill and its socket is left behind. The agent says so in one line at start; the next
 * round removes the stale socket (issue 12 item 8).
 */
class ReducedSignalsIT extends BusFaults {

    static final String LINE = "this JVM runs with -Xrs";

    @Test
    @Timeout(120)
    void xrsIsSaidOnceAtStartAndItsStaleSocketIsRemovedByTheNextRound() throws Exception {
        TestJvm reduced = session.app("name=reduced", "-Xrs");
        TestJvm good = session.app("name=good");
        BusSession.awaitStderr(reduced, LINE);
        assertEquals(1, reduced.stderr().lines().filter(l -> l.contains(LINE)).count(), reduced.describe());
        assertFalse(good.stderr().contains(LINE), good.describe());

        reduced.terminate();
        assertEquals(143, reduced.awaitExit(WAIT), "SIGTERM ended it at once\n" + reduced.describe());
        assertEquals(0, session.events("end", reduced).size(), "no hook ran, so no cleanup");
        Path socket = sessionDir().resolve(reduced.pid() + ".sock");
        assertTrue(Files.exists(socket), "left behind");

        BusSession.Run run = assertLogoffEnds(good);
        assertEquals(1, count(run.out(), "\"pid\":"), "only the live app took part: " + run.out());
        assertFalse(Files.exists(socket), "the stale socket was removed");
    }
}
