package dev.endsession.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Prompt;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EndSessionTest
class SimulatedSessionTest {

    final List<String> seen = new CopyOnWriteArrayList<>();
    final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void release() {
        never.countDown();
    }

    /** Records what happens to it under {@code name}; vetoes with {@code veto} unless null. */
    EndSessionListener recorder(String name, String veto) {
        return new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession query) {
                seen.add("query " + name);
                return veto == null ? Vote.allow() : Vote.veto(veto);
            }

            @Override
            public void onEndSession(EndSessionEvent event) {
                seen.add("end " + name);
            }

            @Override
            public void onEndSessionCancelled(EndSessionEvent event) {
                seen.add("cancelled " + name);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    @Test
    void aVetoCancelsTheRoundNamesTheBlockerAndTellsTheOthers(SimulatedSession session) {
        SimulatedApp editor = session.app("editor").listener(recorder("unsaved", "Unsaved changes in 1 document"));
        session.app("player").listener(recorder("player", null));
        RoundReport round = session.logoff();
        assertTrue(round.cancelled());
        assertEquals(List.of("editor"), round.vetoes().stream().map(AppReport::name).toList());
        assertEquals("Unsaved changes in 1 document", round.app("editor").reason());
        assertEquals("ok", round.app("player").answer());
        assertTrue(seen.contains("cancelled player"), seen.toString());
        assertFalse(round.app("player").terminated());
        assertFalse(editor.terminated());
        assertTrue(editor.blockReasons().isEmpty(), "the round is over: the vetoing app was told too and unblocked");
    }

    @Test
    void aForcedLogoffAsksNobodyAndCleansEveryAppUpOnce(SimulatedSession session) {
        session.app("editor").listener(recorder("unsaved", "Unsaved changes"));
        session.app("player").listener(recorder("player", null));
        RoundReport round = session.run(RoundSpec.logoff().force());
        assertTrue(round.ended());
        assertEquals(java.util.Set.of("end unsaved", "end player"), java.util.Set.copyOf(seen));
        assertEquals(2, seen.size(), "each cleanup once: " + seen);
        assertTrue(seen.stream().noneMatch(s -> s.startsWith("query")), seen.toString());
        assertEquals(List.of("unsaved"), round.app("editor").cleanedUp());
        assertTrue(round.app("editor").terminated() && round.app("player").terminated());
    }

    @Test
    void classicModeEndsAnAppThatAgreedBeforeTheVetoAndAsksNoOneAfter(SimulatedSession session) {
        session.app("first").level(0x300).listener(recorder("first", null));
        session.app("blocker").level(0x200).listener(recorder("blocker", "busy"));
        session.app("last").level(0x100).listener(recorder("last", null));
        RoundReport round = session.run(RoundSpec.logoff().classic());
        assertTrue(round.cancelled());
        assertTrue(round.app("first").terminated(), "agreed before the veto: ended at once");
        assertEquals("not-asked", round.app("last").answer());
        assertFalse(seen.contains("query last"));
    }

    @Test
    void settingsGivenAfterTheFirstAppAreRefusedNotIgnored(SimulatedSession session) {
        session.app("editor");
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> session.listenerBudget(Duration.ofSeconds(3)));
        assertTrue(late.getMessage().contains("before the first session.app"), late.getMessage());
        assertThrows(IllegalStateException.class, () -> session.userAnswers(Prompt.Answer.CANCEL));
    }

    @Test
    void theUserCancellingAtThePromptVetoes(SimulatedSession session) {
        session.userAnswers(Prompt.Answer.CANCEL);
        session.app("notes").listener(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession q) {
                return q.prompt().ask("Save notes.txt?", Duration.ofSeconds(5), Prompt.Answer.CONTINUE) == Prompt.Answer.CANCEL
                        ? Vote.veto("The user kept notes.txt open") : Vote.allow();
            }
        });
        assertEquals("The user kept notes.txt open", session.logoff().app("notes").reason());
    }

    @Test
    void aListenerOverrunningItsBudgetIsReportedAndDoesNotBlock(SimulatedSession session) {
        session.listenerBudget(Duration.ofMillis(200));
        session.app("slow").listener(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession q) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Vote.veto("too late");
            }
        });
        RoundReport round = session.logoff();
        assertTrue(round.ended(), round.toString());
        assertEquals("ok", round.app("slow").answer());
        assertTrue(round.app("slow").reason().startsWith("over budget, counted as allow"), round.app("slow").reason());
    }

    @Test
    void anUnknownAppNameSaysWhichAppsThereAre(SimulatedSession session) {
        session.app("notes");
        RoundReport round = session.logoff();
        assertTrue(assertThrows(java.util.NoSuchElementException.class, () -> round.app("nope")).getMessage().contains("[notes]"));
    }

    @Test
    void anEmptySessionSaysHowToAddAnApp(SimulatedSession session) {
        assertTrue(assertThrows(IllegalStateException.class, session::logoff).getMessage().contains("session.app("));
    }
}
