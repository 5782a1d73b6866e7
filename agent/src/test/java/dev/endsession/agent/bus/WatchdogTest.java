package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
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
            Watchdog.Deadline deadline = watchdog.watch(slowClose);
            deadline.reading(Duration.ofMillis(1));
            assertTrue(closing.await(10, TimeUnit.SECONDS));
            assertTrue(deadline.read(), "the timeout fired, even though its close has not returned");
            release.countDown();
        }
    }

    @Test
    void readsThatFinishInTimeAreNotTimedOutAndNothingIsClosed() {
        CountDownLatch closed = new CountDownLatch(1);
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Deadline deadline = watchdog.watch(closed::countDown);
            for (int frame = 0; frame < 3; frame++) {
                deadline.reading(Duration.ofSeconds(30));
                assertFalse(deadline.read());
            }
            deadline.stop();
        }
        assertEquals(1, closed.getCount(), "read in time: the channel stays open");
    }

    @Test
    void aShorterTimeoutThanThePendingLookStillFiresInTime() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Deadline deadline = watchdog.watch(closed::countDown);
            deadline.reading(Duration.ofMinutes(2));
            deadline.read();
            deadline.reading(Duration.ofMillis(50));
            assertTrue(closed.await(10, TimeUnit.SECONDS), "the timer looked at the earlier deadline");
            assertTrue(deadline.read());
        }
    }

    @Test
    void aShortDeadlineFiresWhileAnotherConnectionWaitsForALongOne() throws Exception {
        CountDownLatch longClosed = new CountDownLatch(1);
        CountDownLatch shortClosed = new CountDownLatch(1);
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Deadline slow = watchdog.watch(longClosed::countDown);
            slow.reading(Duration.ofMinutes(2));
            Watchdog.Deadline quick = watchdog.watch(shortClosed::countDown);
            quick.reading(Duration.ofMillis(50));
            assertTrue(shortClosed.await(10, TimeUnit.SECONDS));
            assertTrue(quick.read());
            assertFalse(slow.read());
            assertEquals(1, longClosed.getCount());
        }
    }

    @Test
    void aConnectionServingPastItsReadTimeoutIsNotClosedAndItsNextReadIsWatchedAgain() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Deadline deadline = watchdog.watch(closed::countDown);
            deadline.reading(Duration.ofMillis(20));
            assertFalse(deadline.read());
            Thread.sleep(200); // the scenario itself: serving a request (an end's cleanups) outlasts the read timeout
            assertEquals(1, closed.getCount(), "no read was pending when the timer looked");
            deadline.reading(Duration.ofMillis(20));
            assertTrue(closed.await(10, TimeUnit.SECONDS), "the next read is watched again");
            assertTrue(deadline.read());
        }
    }

    @Test
    void aClosedWatchdogClosesWhatIsWatchedAtOnce() {
        CountDownLatch closed = new CountDownLatch(1);
        Watchdog watchdog = new Watchdog();
        watchdog.close();
        Watchdog.Deadline deadline = watchdog.watch(closed::countDown);
        deadline.reading(Duration.ofMinutes(2));
        assertEquals(0, closed.getCount(), "the endpoint is closing: so is every connection");
        assertTrue(deadline.read());
    }
}
