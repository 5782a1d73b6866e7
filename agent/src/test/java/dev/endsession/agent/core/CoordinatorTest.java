package dev.endsession.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.core.Fakes.Journal;
import dev.endsession.agent.core.Fakes.Scripted;
import dev.endsession.api.Prompt;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CoordinatorTest {

    static final EnumSet<Reason> LOGOFF = EnumSet.of(Reason.LOGOFF);

    final Journal journal = new Journal();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungListeners() {
        release.countDown();
    }

    Coordinator coordinator(Policy policy, Scripted... listeners) {
        Coordinator c = new Coordinator(policy);
        for (Scripted l : listeners) {
            c.register(l);
        }
        return c;
    }

    Scripted listener(String name, int order) {
        return new Scripted(name, order, journal);
    }

    static Instant in(Duration d) {
        return Instant.now().plus(d);
    }

    static final Duration LONG = Duration.ofSeconds(30);

    static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(LONG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Nested
    class Query {

        @Test
        void theReportListsTheAnswersLowestOrderFirst() {
            Coordinator c = coordinator(Policy.defaults(), listener("late", 10), listener("early", -5), listener("middle", 0));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertEquals(List.of("early", "middle", "late"), report.answers().stream().map(ListenerAnswer::listener).toList());
        }

        @Test
        void listenersAreAskedInParallel() {
            CountDownLatch bothAsked = new CountDownLatch(2);
            Function<QueryEndSession, Vote> waitForTheOther = q -> {
                bothAsked.countDown();
                return awaitQuietly(bothAsked) ? Vote.veto("both were asked at once") : Vote.allow();
            };
            Coordinator c = coordinator(Policy.defaults().withListenerBudget(LONG), listener("a", 0).answering(waitForTheOther),
                    listener("b", 1).answering(waitForTheOther));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertEquals(List.of("both were asked at once", "both were asked at once"), report.blockReasons());
        }

        @Test
        void promptsStillComeOneAtATimeLowestOrderFirst() {
            List<String> shown = new CopyOnWriteArrayList<>();
            Prompt screen = (question, timeout, ifNoAnswer) -> {
                shown.add(question);
                return Prompt.Answer.CONTINUE;
            };
            CountDownLatch lateAsks = new CountDownLatch(1);
            Coordinator c = coordinator(Policy.defaults().withListenerBudget(LONG).withPrompt(screen),
                    listener("early", 0).answering(q -> {
                        awaitQuietly(lateAsks); // the later listener asks first...
                        q.prompt().ask("early", LONG, Prompt.Answer.CONTINUE);
                        return Vote.allow();
                    }),
                    listener("late", 1).answering(q -> {
                        lateAsks.countDown();
                        q.prompt().ask("late", LONG, Prompt.Answer.CONTINUE); // ...and waits for the earlier one's turn
                        return Vote.allow();
                    }));
            c.query(LOGOFF, in(LONG), true);
            assertEquals(List.of("early", "late"), shown);
        }

        @Test
        void vetoFromOneListenerVetoesTheJvmWithItsReason() {
            Coordinator c = coordinator(Policy.defaults(), listener("a", 0),
                    listener("b", 1).answering(q -> Vote.veto("Unsaved changes in 2 documents")));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertTrue(report.vetoed());
            assertEquals(List.of("Unsaved changes in 2 documents"), report.blockReasons());
            assertEquals(RoundState.VETOED, c.state());
            assertEquals(List.of("Unsaved changes in 2 documents"), c.blockReasons());
        }

        @Test
        void everyListenerIsAskedEvenAfterAVetoSoEveryReasonIsReported() {
            Coordinator c = coordinator(Policy.defaults(), listener("a", 0).answering(q -> Vote.veto("first")),
                    listener("b", 1).answering(q -> Vote.veto("second")), listener("c", 2));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertEquals(List.of("first", "second"), report.blockReasons());
            assertEquals(3, report.answers().size());
        }

        @Test
        void allAllowingAgrees() {
            Coordinator c = coordinator(Policy.defaults(), listener("a", 0), listener("b", 1));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertFalse(report.vetoed());
            assertEquals(RoundState.AGREED, c.state());
        }

        @Test
        void listenerThatThrowsCountsAsAllowAndIsReportedAsFailed() {
            Coordinator c = coordinator(Policy.defaults(), listener("broken", 0).answering(q -> {
                throw new IllegalStateException("boom");
            }), listener("fine", 1));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertFalse(report.vetoed());
            assertEquals(ListenerAnswer.Kind.FAILED, report.answers().get(0).kind());
            assertTrue(report.answers().get(0).reason().contains("boom"));
            assertEquals(Set.of("query broken", "query fine"), Set.copyOf(journal.entries), "the next one was still asked");
        }

        @Test
        void listenerThatThrowsVetoesWhenThePolicySaysSo() {
            Coordinator c = coordinator(Policy.defaults().withMisbehaviourVetoes(true, false),
                    listener("broken", 0).answering(q -> {
                        throw new IllegalStateException("boom");
                    }));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertTrue(report.vetoed());
            assertEquals(List.of("broken failed"), report.blockReasons());
        }

        @Test
        void listenerThatOverrunsItsBudgetCountsAsAllowAndIsReportedHung() {
            Coordinator c = coordinator(Policy.defaults().withListenerBudget(Duration.ofMillis(300)),
                    listener("stuck", 0).answering(q -> {
                        Fakes.await(release);
                        return Vote.veto("too late");
                    }), listener("next", 1));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertFalse(report.vetoed());
            assertEquals(List.of("stuck"), report.hung());
            assertTrue(journal.entries.contains("query next"), "the next listener is still asked");
        }

        @Test
        void listenerThatOverrunsVetoesWhenThePolicySaysSo() {
            Coordinator c = coordinator(Policy.defaults().withListenerBudget(Duration.ofMillis(300)).withMisbehaviourVetoes(false, true),
                    listener("stuck", 0).answering(q -> {
                        Fakes.await(release);
                        return Vote.allow();
                    }));
            QueryReport report = c.query(LOGOFF, in(LONG), false);
            assertTrue(report.vetoed());
            assertEquals(List.of("stuck is not responding"), report.blockReasons());
        }

        @Test
        void forcedSkipsTheQuery() {
            Coordinator c = coordinator(Policy.defaults(), listener("a", 0).answering(q -> Vote.veto("no")));
            QueryReport report = c.query(EnumSet.of(Reason.LOGOFF, Reason.FORCED), in(LONG), false);
            assertFalse(report.vetoed());
            assertTrue(journal.entries.isEmpty(), "nobody was asked: " + journal.entries);
        }

        @Test
        void criticalAsksButIgnoresVetoes() {
            Coordinator c = coordinator(Policy.defaults(), listener("a", 0).answering(q -> Vote.veto("no")));
            QueryReport report = c.query(EnumSet.of(Reason.SHUTDOWN, Reason.CRITICAL), in(LONG), false);
            assertFalse(report.vetoed());
            assertEquals(List.of("query a"), journal.entries);
            assertEquals(ListenerAnswer.Kind.VETO, report.answers().get(0).kind());
        }

        @Test
        void listenersSeeTheRoundsReasonsAndDeadline() {
            Instant deadline = in(LONG);
            Scripted a = listener("a", 0).answering(q -> {
                journal.add(q.reasons() + " " + q.deadline().equals(deadline) + " " + q.interactionAllowed());
                return Vote.allow();
            });
            coordinator(Policy.defaults(), a).query(EnumSet.of(Reason.CLOSE_APP), deadline, true);
            assertEquals(List.of("query a", "[CLOSE_APP] true true"), journal.entries);
        }
    }

    @Nested
    class Cancel {

        @Test
        void cancellationTellsListenersAndClearsBlockReasons() {
            Coordinator c = coordinator(Policy.defaults(), listener("a", 0), listener("b", 1).answering(q -> Vote.veto("busy")));
            c.query(LOGOFF, in(LONG), false);
            c.cancel(LOGOFF);
            assertEquals(List.of("query a", "query b", "cancelled a", "cancelled b"), journal.entries);
            assertTrue(c.blockReasons().isEmpty());
            assertEquals(RoundState.IDLE, c.state());
        }

        @Test
        void aNewRoundCanFollowACancelledOne() {
            Coordinator c = coordinator(Policy.defaults(), listener("a", 0));
            c.query(LOGOFF, in(LONG), false);
            c.cancel(LOGOFF);
            assertFalse(c.query(LOGOFF, in(LONG), false).vetoed());
            assertEquals(RoundState.AGREED, c.state());
        }

        @Test
        void cancelAfterTheEndIsIgnored() {
            Coordinator c = coordinator(Policy.defaults(), listener("a", 0));
            c.end(LOGOFF, in(LONG));
            c.cancel(LOGOFF);
            assertEquals(RoundState.ENDED, c.state());
            assertFalse(journal.entries.contains("cancelled a"));
        }
    }
}
