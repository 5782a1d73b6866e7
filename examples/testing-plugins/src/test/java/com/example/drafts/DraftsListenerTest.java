package com.example.drafts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Prompt;
import dev.endsession.testkit.EndSessionTest;
import dev.endsession.testkit.RoundReport;
import dev.endsession.testkit.RoundSpec;
import dev.endsession.testkit.SimulatedSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plugin author's tests: a simulated logoff in the test's own JVM, no processes, no Windows. */
@EndSessionTest
class DraftsListenerTest {

    final Drafts drafts = new Drafts();

    @Test
    void logoffIsVetoedWhileADraftIsUnsavedAndNobodyCanBeAsked(SimulatedSession session) {
        drafts.edit("Letter to Ana");
        session.app("drafts").listener(new DraftsListener(drafts));
        session.app("music");

        RoundReport logoff = session.logoff();

        assertTrue(logoff.cancelled());
        assertEquals("Unsaved changes in 1 draft", logoff.app("drafts").reason());
        assertTrue(drafts.saved().isEmpty(), "nothing saved: the session goes on");
    }

    @Test
    void theUserChoosingToContinueLetsTheSessionEndAndTheDraftsAreSaved(SimulatedSession session) {
        drafts.edit("Letter to Ana");
        session.userAnswers(Prompt.Answer.CONTINUE);
        session.app("drafts").listener(new DraftsListener(drafts));

        RoundReport logoff = session.logoff();

        assertTrue(logoff.ended());
        assertEquals(List.of("Letter to Ana"), drafts.saved());
        assertEquals(List.of("drafts"), logoff.app("drafts").cleanedUp());
    }

    @Test
    void aForcedLogoffAsksNobodyButStillSaves(SimulatedSession session) {
        drafts.edit("Letter to Ana");
        drafts.edit("Shopping list");
        session.app("drafts").listener(new DraftsListener(drafts));

        RoundReport logoff = session.run(RoundSpec.logoff().force());

        assertEquals("not-asked", logoff.app("drafts").answer());
        assertEquals(2, drafts.saved().size());
    }

    @Test
    void nothingUnsavedNeverBlocks(SimulatedSession session) {
        session.app("drafts").listener(new DraftsListener(drafts));
        assertTrue(session.logoff().ended());
    }
}
