package dev.endsession.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.endsession.agent.core.Fakes.Journal;
import dev.endsession.agent.core.Fakes.Scripted;
import dev.endsession.api.Reason;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Coordinator#onEndStarting}: what must happen as the cleanup starts, without being a listener. */
class CoordinatorEndStartingTest {

    final Journal journal = new Journal();

    @Test
    void theActionIsToldTheReasonsOnceBeforeAnyCleanup() {
        Coordinator c = new Coordinator(Policy.defaults());
        c.register(new Scripted("only", 0, journal));
        c.onEndStarting(reasons -> journal.add("starting " + reasons));
        c.end(EnumSet.of(Reason.LOGOFF), Instant.now().plusSeconds(30));
        c.end(EnumSet.of(Reason.JVM_EXIT), Instant.now().plusSeconds(30)); // the exit hook after an end of session
        assertEquals(List.of("starting [LOGOFF]", "end only", "ended only"), journal.entries);
        assertEquals(List.of("only"), c.listenerNames(), "not a listener");
    }

    @Test
    void anActionThatThrowsDoesNotStopTheCleanups() {
        Coordinator c = new Coordinator(Policy.defaults());
        c.register(new Scripted("only", 0, journal));
        c.onEndStarting(reasons -> {
            throw new IllegalStateException("broken");
        });
        EndReport report = c.end(EnumSet.of(Reason.SHUTDOWN), Instant.now().plusSeconds(30));
        assertEquals(List.of("only"), report.finished());
    }
}
