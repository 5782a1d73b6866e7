package dev.endsession.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The testkit's class path is what it brings to a user's tests: none of the agent's libraries, and
 * the coordinator still runs and logs without them.
 */
@EndSessionTest
class ClassPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.slf4j.LoggerFactory", "org.slf4j.simple.SimpleLogger", "picocli.CommandLine",
            "net.bytebuddy.ByteBuddy", "com.sun.jna.Native", "com.sun.jna.platform.win32.User32"})
    void noAgentLibraryIsOnTheClassPath(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className, false, getClass().getClassLoader()));
    }

    @Test
    void aListenerThatThrowsIsLoggedWithoutSlf4jAndCountsAsAllow(SimulatedSession session) {
        session.app("broken").listener(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession query) {
                throw new IllegalStateException("disk full");
            }
        });

        RoundReport logoff = session.logoff();

        assertTrue(logoff.ended(), logoff.toString());
        assertEquals("ok", logoff.app("broken").answer());
    }
}
