package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.Policy;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every Linux protocol relies on when two of them trigger the end (GNOME's power-off: logind and gnome-session). */
@Timeout(30)
class SessionEndTest {

    private final Coordinator coordinator = new Coordinator(Policy.defaults());
    private final SessionEnd session = new SessionEnd(coordinator);
    private final List<String> happened = new CopyOnWriteArrayList<>();

    @Test
    void twoTriggersRunEachCleanupOnceAndTheSecondAnswersOnlyAfterIt() throws Exception {
        CountDownLatch cleanupStarted = new CountDownLatch(1);
        CountDownLatch finishCleanup = new CountDownLatch(1);
        coordinator.register(new EndSessionListener() {
            @Override
            public void onEndSession(EndSessionEvent event) {
                happened.add("cleanup " + event.reasons());
                cleanupStarted.countDown();
                await(finishCleanup);
                happened.add("cleanup done");
            }
        });
        CountDownLatch bothAnswered = new CountDownLatch(2);
        session.end(EnumSet.of(Reason.SHUTDOWN), Duration.ofSeconds(20), () -> answered("logind", bothAnswered), "logind");
        assertTrue(cleanupStarted.await(10, TimeUnit.SECONDS));
        session.end(EnumSet.of(Reason.LOGOFF), Duration.ofSeconds(20), () -> answered("gnome-session", bothAnswered), "gnome");
        finishCleanup.countDown();
        assertTrue(bothAnswered.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("cleanup [SHUTDOWN]", "cleanup done"), happened.subList(0, 2));
        assertEquals(Set.of("logind answers", "gnome-session answers"), Set.copyOf(happened.subList(2, 4)));
        assertEquals(4, happened.size());
    }

    @Test
    void aLogoutsEndBecomesAShutdownOnceLogindAnnouncedOne() {
        assertEquals(EnumSet.of(Reason.LOGOFF), session.upgrade(EnumSet.of(Reason.LOGOFF)));
        session.shutdownHeard();
        assertEquals(EnumSet.of(Reason.SHUTDOWN), session.upgrade(EnumSet.of(Reason.LOGOFF)));
    }

    private void answered(String who, CountDownLatch latch) {
        happened.add(who + " answers");
        latch.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
