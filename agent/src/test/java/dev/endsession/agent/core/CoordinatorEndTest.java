package dev.endsession.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.core.Fakes.Journal;
import dev.endsession.agent.core.Fakes.Scripted;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoordinatorEndTest {

    final Journal journal = new Journal();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungListeners() {
        release.countDown();
    }

    Coordinator coordinator(Scripted... listeners) {
        Coordinator c = new Coordinator(Policy.defaults());
        for (Scripted l : listeners) {
            c.register(l);
        }
        return c;
    }

    @Test
    void cleanupsRunInReverseOrder() {
        Coordinator c = coordinator(new Scripted("first", 1, journal), new Scripted("second", 2, journal), new Scripted("third", 3, journal));
        EndReport report = c.end(EnumSet.of(Reason.LOGOFF), Instant.now().plusSeconds(30));
        assertEquals(List.of("end third", "ended third", "end second", "ended second", "end first", "ended first"), journal.entries);
        assertEquals(List.of("third", "second", "first"), report.finished());
        assertTrue(report.complete());
        assertEquals(RoundState.ENDED, c.state());
    }

    @Test
    void aSlowCleanupDoesNotKeepTheOthersFromStartingAndIsReportedByName() {
        Scripted slow = new Scripted("slow", 2, journal).cleaningUp(() -> Fakes.await(release));
        Scripted quick = new Scripted("quick", 1, journal);
        Coordinator c = coordinator(slow, quick);
        EndReport report = c.end(EnumSet.of(Reason.LOGOFF), Instant.now().plusMillis(1500));
        assertEquals(List.of("slow"), report.overran());
        assertEquals(List.of("quick"), report.finished());
        assertTrue(journal.entries.indexOf("end slow") < journal.entries.indexOf("end quick"), "reverse order kept");
        assertFalse(report.complete());
    }

    @Test
    void aCleanupThatThrowsIsReportedAndTheOthersRun() {
        Scripted broken = new Scripted("broken", 2, journal).cleaningUp(() -> {
            throw new IllegalStateException("disk full");
        });
        Coordinator c = coordinator(broken, new Scripted("fine", 1, journal));
        EndReport report = c.end(EnumSet.of(Reason.LOGOFF), Instant.now().plusSeconds(30));
        assertEquals(List.of("broken"), report.failed());
        assertEquals(List.of("fine"), report.finished());
    }

    @Test
    void eachCleanupRunsExactlyOnceWhateverRacesToEndTheJvm() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Scripted counted = new Scripted("counted", 0, journal).cleaningUp(runs::incrementAndGet);
        Coordinator c = coordinator(counted);
        List<Reason> triggers = List.of(Reason.LOGOFF, Reason.CONSOLE_CLOSE, Reason.JVM_EXIT, Reason.SHUTDOWN);
        CyclicBarrier start = new CyclicBarrier(triggers.size());
        List<Thread> threads = new ArrayList<>();
        List<EndReport> reports = new CopyOnWriteArrayList<>();
        for (Reason trigger : triggers) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                reports.add(c.end(EnumSet.of(trigger), Instant.now().plusSeconds(30)));
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertEquals(1, runs.get());
        assertEquals(triggers.size(), reports.size());
        reports.forEach(r -> assertEquals(List.of("counted"), r.finished(), "every caller sees the one cleanup's report"));
    }

    @Test
    void aQueryAfterTheEndAgreesWithoutAskingAnyone() {
        Coordinator c = coordinator(new Scripted("a", 0, journal));
        c.end(EnumSet.of(Reason.JVM_EXIT), Instant.now().plusSeconds(30));
        journal.entries.clear();
        assertFalse(c.query(EnumSet.of(Reason.LOGOFF), Instant.now().plusSeconds(30), false).vetoed());
        assertTrue(journal.entries.isEmpty());
    }

    @Test
    void cleanupsSeeTheReasonsAndAFutureDeadline() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> seen = new CopyOnWriteArrayList<>();
        Coordinator c = new Coordinator(Policy.defaults());
        c.register(new EndSessionListener() {
            @Override
            public void onEndSession(EndSessionEvent e) {
                seen.add(e.reasons() + " " + e.ending() + " " + e.deadline().equals(deadline) + " " + !e.remaining().isZero());
            }
        });
        c.end(EnumSet.of(Reason.SHUTDOWN), deadline);
        assertEquals(List.of("[SHUTDOWN] true true true"), seen);
    }
    /**
     * The console notice on the bus: cleanups with the notice's reasons on a thread of their own,
     * then {@code System.exit}. The initiator may ask the JVM to exit right after the notice's
     * reply, and the exit hook's end must then wait for the notice's cleanups, not run them as a
     * plain JVM exit (RoundIT once saw {@code [JVM_EXIT]} there under load).
     */
    @Test
    void anEndOnANewThreadIsClaimedBeforeItReturnsSoAnExitRightAfterWaitsForIt() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Coordinator c = new Coordinator(Policy.defaults());
        c.register(new EndSessionListener() {
            @Override
            public void onEndSession(EndSessionEvent e) {
                seen.add(e.reasons().toString());
            }
        });
        Instant deadline = Instant.now().plusSeconds(30);
        CountDownLatch then = new CountDownLatch(1);

        c.endOnNewThread(EnumSet.of(Reason.SHUTDOWN), deadline, then::countDown, "endsession-test-ending");
        EndReport atExit = c.end(EnumSet.of(Reason.JVM_EXIT), deadline); // at once, as the exit hook may

        assertEquals(List.of("[SHUTDOWN]"), seen);
        assertEquals(1, atExit.finished().size(), "the exit hook reports the notice's cleanup");
        assertTrue(then.await(30, TimeUnit.SECONDS));
    }

    @Test
    void anEndOnANewThreadAfterAnotherEndRunsNoCleanupButStillGoesOn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Coordinator c = coordinator(new Scripted("counted", 0, journal).cleaningUp(runs::incrementAndGet));
        c.end(EnumSet.of(Reason.LOGOFF), Instant.now().plusSeconds(30));
        CountDownLatch then = new CountDownLatch(1);

        c.endOnNewThread(EnumSet.of(Reason.SHUTDOWN), Instant.now().plusSeconds(30), then::countDown, "endsession-test-ending");

        assertTrue(then.await(30, TimeUnit.SECONDS), "the JVM still exits");
        assertEquals(1, runs.get());
    }
}
