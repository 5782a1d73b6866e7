package dev.endsession.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.Prompt;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoundPromptTest {

    /** A screen that records questions and answers what the test scripted. */
    static final class Screen implements Prompt {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final Answer answer;
        final AtomicInteger onScreen = new AtomicInteger();
        volatile int mostOnScreen;

        Screen(Answer answer) {
            this.answer = answer;
        }

        @Override
        public Answer ask(String question, Duration timeout, Answer ifNoAnswer) {
            mostOnScreen = Math.max(mostOnScreen, onScreen.incrementAndGet());
            asked.add(question);
            onScreen.decrementAndGet();
            return answer;
        }
    }

    @Test
    void onceTheUserCancelsNoFurtherPromptsAppearInThatRound() {
        Screen screen = new Screen(Answer.CANCEL);
        Prompt prompt = new RoundPrompt(screen, new Semaphore(1), Instant.now().plusSeconds(30), true, 1).turn(0);
        assertEquals(Answer.CANCEL, prompt.ask("Save a?", Duration.ofSeconds(5), Answer.CONTINUE));
        assertEquals(Answer.CANCEL, prompt.ask("Save b?", Duration.ofSeconds(5), Answer.CONTINUE));
        assertEquals(List.of("Save a?"), screen.asked);
    }

    @Test
    void withoutInteractionTheDefaultIsAnsweredAndNothingShown() {
        Screen screen = new Screen(Answer.CANCEL);
        Prompt prompt = new RoundPrompt(screen, new Semaphore(1), Instant.now().plusSeconds(30), false, 1).turn(0);
        assertEquals(Answer.CONTINUE, prompt.ask("Save?", Duration.ofSeconds(5), Answer.CONTINUE));
        assertTrue(screen.asked.isEmpty());
    }

    @Test
    void aPromptPastTheDeadlineIsNeverShown() {
        Screen screen = new Screen(Answer.CANCEL);
        Prompt prompt = new RoundPrompt(screen, new Semaphore(1), Instant.now().minusSeconds(1), true, 1).turn(0);
        assertEquals(Answer.CONTINUE, prompt.ask("Save?", Duration.ofSeconds(5), Answer.CONTINUE));
        assertTrue(screen.asked.isEmpty());
    }

    @Test
    void theScreenIsGivenATimeoutThatEndsBeforeTheDeadline() {
        List<Duration> given = new CopyOnWriteArrayList<>();
        Prompt screen = (q, timeout, ifNo) -> {
            given.add(timeout);
            return Answer.CONTINUE;
        };
        new RoundPrompt(screen, new Semaphore(1), Instant.now().plusSeconds(2), true, 1).turn(0).ask("Save?", Duration.ofMinutes(5), Answer.CONTINUE);
        assertTrue(given.get(0).compareTo(Duration.ofSeconds(2).minus(RoundPrompt.MARGIN)) <= 0, given.toString());
    }

    @Test
    void atMostOnePromptIsOnScreenAtATime() throws Exception {
        CountDownLatch firstShown = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger onScreen = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Prompt screen = (q, timeout, ifNo) -> {
            most.accumulateAndGet(onScreen.incrementAndGet(), Math::max);
            firstShown.countDown();
            if (q.equals("first")) {
                Fakes.await(releaseFirst);
            }
            onScreen.decrementAndGet();
            return Answer.CONTINUE;
        };
        Semaphore one = new Semaphore(1);
        Instant deadline = Instant.now().plusSeconds(30);
        Thread first = new Thread(() -> new RoundPrompt(screen, one, deadline, true, 1).turn(0).ask("first", Duration.ofSeconds(20), Answer.CONTINUE));
        first.start();
        firstShown.await();
        Thread second = new Thread(() -> new RoundPrompt(screen, one, deadline, true, 1).turn(0).ask("second", Duration.ofSeconds(20), Answer.CONTINUE));
        second.start();
        second.join(300);
        assertTrue(second.isAlive(), "the second prompt waits while the first is on screen");
        releaseFirst.countDown();
        first.join(10_000);
        second.join(10_000);
        assertEquals(1, most.get());
    }

    @Test
    void aListenerWithItsPromptOnScreenIsNotHung() {
        Prompt slowUser = (q, timeout, ifNo) -> {
            try {
                Thread.sleep(800); // the user taking their time: the scenario under test, not a synchronization
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.CANCEL;
        };
        Coordinator c = new Coordinator(Policy.defaults().withListenerBudget(Duration.ofMillis(200)).withPrompt(slowUser));
        c.register(new dev.endsession.api.EndSessionListener() {
            @Override
            public Vote onQueryEndSession(dev.endsession.api.QueryEndSession q) {
                return q.prompt().ask("Save?", Duration.ofSeconds(10), Answer.CONTINUE) == Answer.CANCEL ? Vote.veto("user cancelled") : Vote.allow();
            }
        });
        QueryReport report = c.query(EnumSet.of(Reason.LOGOFF), Instant.now().plusSeconds(10), true);
        assertTrue(report.vetoed(), report.toString());
        assertEquals(List.of("user cancelled"), report.blockReasons());
    }
}
