package dev.endsession.agent.roundlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.endsession.agent.core.ListenerAnswer;
import dev.endsession.agent.core.ListenerAnswer.Kind;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RoundRecordTest {

    @Test
    void aQueryLineGivesTheAnswerAndEachListenersAnswerAndTime() {
        QueryReport report = new QueryReport(Set.of(Reason.LOGOFF), true, List.of("Unsaved changes"), List.of(
                new ListenerAnswer("notes", Kind.VETO, "Unsaved changes", Duration.ofMillis(12)),
                new ListenerAnswer("clock", Kind.OK, "", Duration.ZERO),
                new ListenerAnswer("sync", Kind.HUNG, "", Duration.ofMillis(1000)),
                new ListenerAnswer("mail", Kind.FAILED, "java.io.IOException: gone", Duration.ofMillis(3))));

        assertEquals("veto [Unsaved changes]; listeners: notes veto 12 ms (Unsaved changes), clock ok 0 ms, sync hung 1000 ms,"
                + " mail failed 3 ms (java.io.IOException: gone)", RoundRecord.describe(report));
    }

    @Test
    void aForcedQueryAsksNobody() {
        assertEquals("ok; no listener asked", RoundRecord.describe(new QueryReport(Set.of(Reason.LOGOFF, Reason.FORCED), false, List.of(), List.of())));
    }
}
