package dev.endsession.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listener calls on the caller's thread ({@link CallerRuns}): the bus's way, with a hung listener given up. */
class CoordinatorHereTest {

    static final EnumSet<Reason> LOGOFF = EnumSet.of(Reason.LOGOFF);

    final CountDownLatch release = new CountDownLatch(1);
    final Map<String, Thread> ranOn = new ConcurrentHashMap<>();
    final Timers here = new Timers();

    /** A timer thread and a fresh thread for each move, as the bus's watchdog and workers. */
    static final class Timers implements CallerRuns {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        @Override
        public Armed arm(Duration delay, Runnable due) {
            ScheduledFuture<?> scheduled = timer.schedule(due, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> scheduled.cancel(false);
        }

        @Override
        public void elsewhere(Runnable rest) {
            new Thread(rest, "elsewhere").start();
        }
    }

    @AfterEach
    void cleanUp() {
        release.countDown();
        here.timer.shutdownNow();
    }

    EndSessionListener listener(String name, int order, Vote vote, boolean hangs) {
        return new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession query) {
                ranOn.put("query " + name, Thread.currentThread());
                if (hangs) {
                    Fakes.await(release);
                }
                return vote;
            }

            @Override
            public void onEndSession(EndSessionEvent event) {
            }

            @Override
            public void onEndSessionCancelled(EndSessionEvent event) {
                ranOn.put("cancelled " + name, Thread.currentThread());
                if (hangs) {
                    Fakes.await(release);
                }
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }
        };
    }

    Coordinator coordinator(EndSessionListener... listeners) {
        Coordinator c = new Coordinator(Policy.defaults().withListenerBudget(Duration.ofMillis(200)));
        for (EndSessionListener l : listeners) {
            c.register(l);
        }
        return c;
    }

    @Test
    void listenersAnswerOnTheCallersThreadAndNothingMoves() {
        Coordinator c = coordinator(listener("a", 0, Vote.allow(), false), listener("b", 1, Vote.veto("unsaved"), false));
        CompletableFuture<QueryReport> later = new CompletableFuture<>();
        QueryReport report = c.query(LOGOFF, Instant.now().plusSeconds(30), false, here, later::complete);
        assertNotNull(report);
        assertEquals(List.of("unsaved"), report.blockReasons());
        assertSame(Thread.currentThread(), ranOn.get("query a"));
        assertSame(Thread.currentThread(), ranOn.get("query b"));
        assertTrue(c.cancel(LOGOFF, here, () -> { }));
        assertSame(Thread.currentThread(), ranOn.get("cancelled a"));
        assertEquals(RoundState.IDLE, c.state());
        assertTrue(!later.isDone(), "nothing went on elsewhere");
    }

    @Test
    void aListenerThatOverrunsKeepsTheThreadWhileTheQueryGoesOnElsewhereInTime() throws Exception {
        Coordinator c = coordinator(listener("stuck", 0, Vote.veto("too late"), true), listener("next", 1, Vote.veto("unsaved"), false));
        CompletableFuture<QueryReport> later = new CompletableFuture<>();
        AtomicReference<QueryReport> returned = new AtomicReference<>();
        Thread caller = new Thread(() -> returned.set(c.query(LOGOFF, Instant.now().plusSeconds(30), false, here, later::complete)));
        caller.start();
        QueryReport report = later.get(10, TimeUnit.SECONDS); // long before the listener is released
        assertEquals(List.of("stuck"), report.hung());
        assertEquals(List.of("unsaved"), report.blockReasons(), "a hung listener counts as allow; the next one is still asked");
        assertEquals(RoundState.VETOED, c.state());
        assertSame(caller, ranOn.get("query stuck"));
        assertNotSame(caller, ranOn.get("query next"));
        assertTrue(caller.isAlive(), "the caller's thread still belongs to the hung listener");
        release.countDown();
        caller.join(10_000);
        assertNull(returned.get(), "the caller learns the query went on elsewhere, and reports nothing");
        QueryReport again = c.query(LOGOFF, Instant.now().plusSeconds(30), false, here, r -> { });
        assertEquals(List.of("too late", "unsaved"), again.blockReasons(), "the next round works, every listener answering");
    }

    @Test
    void aListenerThatThrowsIsReportedFailedOnTheCallersThread() {
        Coordinator c = coordinator(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession query) {
                throw new IllegalStateException("broken");
            }

            @Override
            public void onEndSession(EndSessionEvent event) {
            }

            @Override
            public String name() {
                return "broken";
            }
        });
        QueryReport report = c.query(LOGOFF, Instant.now().plusSeconds(30), false, here, r -> { });
        assertEquals(ListenerAnswer.Kind.FAILED, report.answers().get(0).kind());
        assertTrue(report.answers().get(0).reason().contains("broken"));
    }

    @Test
    void anInterruptLeftBehindByAListenerStaysWithItsCall() {
        Coordinator c = coordinator(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession query) {
                Thread.currentThread().interrupt();
                return Vote.allow();
            }

            @Override
            public void onEndSession(EndSessionEvent event) {
            }
        });
        c.query(LOGOFF, Instant.now().plusSeconds(30), false, here, r -> { });
        assertTrue(!Thread.interrupted(), "the caller's thread reads its connection next: an interrupt would close it");
    }

    @Test
    void aListenerWithItsPromptOnScreenIsGivenUntilTheDeadline() {
        Coordinator c = new Coordinator(Policy.defaults().withListenerBudget(Duration.ofMillis(200)).withPrompt((q, timeout, ifNo) -> {
            try {
                Thread.sleep(800); // the user taking their time: the scenario under test, not a synchronization
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.CANCEL;
        }));
        c.register(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession q) {
                return q.prompt().ask("Save?", Duration.ofSeconds(10), Answer.CONTINUE) == Answer.CANCEL
                        ? Vote.veto("user cancelled") : Vote.allow();
            }

            @Override
            public void onEndSession(EndSessionEvent event) {
            }
        });
        QueryReport report = c.query(LOGOFF, Instant.now().plusSeconds(10), true, here, r -> { });
        assertNotNull(report, "answered on the caller's thread: the prompt extended the budget");
        assertEquals(List.of("user cancelled"), report.blockReasons());
    }

    @Test
    void aCancelThatOverrunsGoesOnElsewhereAndTheJvmReturnsToIdle() throws Exception {
        Coordinator c = coordinator(listener("stuck", 0, Vote.allow(), true), listener("next", 1, Vote.allow(), false));
        c.query(LOGOFF, Instant.now().plusSeconds(30), false); // hand-off: the stuck listener's worker is released at the end
        CompletableFuture<Void> later = new CompletableFuture<>();
        AtomicReference<Boolean> returned = new AtomicReference<>();
        Thread caller = new Thread(() -> returned.set(c.cancel(LOGOFF, here, () -> later.complete(null))));
        caller.start();
        later.get(10, TimeUnit.SECONDS);
        assertEquals(RoundState.IDLE, c.state());
        assertNotNull(ranOn.get("cancelled next"));
        assertNotSame(caller, ranOn.get("cancelled next"));
        release.countDown();
        caller.join(10_000);
        assertEquals(Boolean.FALSE, returned.get());
    }
}
