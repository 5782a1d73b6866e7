package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    @Test
    void aReadThatFailsWhileTheTimeoutIsStillClosingCountsAsTimedOut() throws Exception {
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // As a SocketChannel's close waits for its blocked reader to leave: the reader fails first.
        Closeable slowClose = () -> {
            closing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Armed armed = watchdog.arm(slowClose, Duration.ofMillis(1));
            assertTrue(closing.await(10, TimeUnit.SECONDS));
            assertTrue(armed.disarm(), "the timeout fired, even though its close has not returned");
            release.countDown();
        }
    }

    @Test
    void aReadThatFinishesInTimeIsNotTimedOutAndNothingIsClosed() {
        CountDownLatch closed = new CountDownLatch(1);
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Armed armed = watchdog.arm(closed::countDown, Duration.ofSeconds(30));
            assertFalse(armed.disarm());
        }
        assertTrue(closed.getCount() == 1, "disarmed in time: the channel stays open");
    }

    @Test
    void aShortTimeoutArmedWhileTheTimerSleepsForALongOneFiresInTime() throws Exception {
        CountDownLatch longClosed = new CountDownLatch(1);
        CountDownLatch shortClosed = new CountDownLatch(1);
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Armed slow = watchdog.arm(longClosed::countDown, Duration.ofMinutes(2));
            Watchdog.Armed quick = watchdog.arm(shortClosed::countDown, Duration.ofMillis(50));
            assertTrue(shortClosed.await(10, TimeUnit.SECONDS), "the timer woke for the earlier deadline");
            assertTrue(quick.disarm());
            assertFalse(slow.disarm());
            assertTrue(longClosed.getCount() == 1);
        }
    }

    @Test
    void aClosedWatchdogClosesWhatIsArmedAtOnce() {
        CountDownLatch closed = new CountDownLatch(1);
        Watchdog watchdog = new Watchdog();
        watchdog.close();
        watchdog.arm(closed::countDown, Duration.ofMinutes(2));
        assertTrue(closed.getCount() == 0, "the endpoint is closing: so is every connection");
    }
}
