package com.example.endsession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.Prompt;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener is plain Java: test it with small stand-ins for the query and the event, no agent needed. */
class ExampleListenerTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(ExampleListener.LOCK);
    }

    private static QueryEndSession query(Prompt prompt) {
        return new QueryEndSession() {
            public Set<Reason> reasons() {
                return Set.of(Reason.LOGOFF);
            }

            public Instant deadline() {
                return Instant.now().plusSeconds(5);
            }

            public boolean interactionAllowed() {
                return true;
            }

            public Prompt prompt() {
                return prompt;
            }
        };
    }

    @Test
    void allowsWhenNoWorkIsInProgress() {
        System.setProperty(ExampleListener.LOCK, dir.resolve("busy").toString());
        assertFalse(new ExampleListener().onQueryEndSession(query((q, t, d) -> d)).isVeto());
    }

    @Test
    void vetoesWithAReasonWhenTheUserCancels() throws Exception {
        Path lock = Files.createFile(dir.resolve("busy"));
        System.setProperty(ExampleListener.LOCK, lock.toString());
        Vote vote = new ExampleListener().onQueryEndSession(query((q, t, d) -> Prompt.Answer.CANCEL));
        assertTrue(vote.isVeto());
        assertEquals(Optional.of("Work in progress: busy"), vote.reason());
    }

    @Test
    void removesTheLockWhenTheSessionEnds() throws Exception {
        Path lock = Files.createFile(dir.resolve("busy"));
        System.setProperty(ExampleListener.LOCK, lock.toString());
        new ExampleListener().onEndSession(new EndSessionEvent() {
            public Set<Reason> reasons() {
                return Set.of(Reason.LOGOFF);
            }

            public boolean ending() {
                return true;
            }

            public Instant deadline() {
                return Instant.now().plusSeconds(5);
            }
        });
        assertFalse(Files.exists(lock));
    }
}
