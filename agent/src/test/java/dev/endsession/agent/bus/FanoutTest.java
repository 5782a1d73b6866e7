package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FanoutTest {

    @Test
    void repliesComeBackInTheAppsOrderWhateverOrderTheyArrivedIn() {
        CountDownLatch othersDone = new CountDownLatch(2);
        try (Fanout fanout = new Fanout()) {
            Map<String, Fanout.Reply<String>> replies = fanout.call(List.of("first", "second", "third"), Duration.ofSeconds(30),
                    app -> {
                        if (app.equals("first")) {
                            assertTrue(othersDone.await(30, TimeUnit.SECONDS)); // answers last
                        } else {
                            othersDone.countDown();
                        }
                        return app.toUpperCase();
                    }, (app, waited) -> {
                    });
            assertEquals(List.of("first", "second", "third"), List.copyOf(replies.keySet()));
            assertEquals("FIRST", replies.get("first").value());
        }
    }

    @Test
    void anAppStillSilentAtTheTimeoutIsReportedInItsPlaceAndInterruptedAtClose() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Map<String, Fanout.Reply<String>> replies;
        try (Fanout fanout = new Fanout()) {
            replies = fanout.call(List.of("silent", "quick"), Duration.ofMillis(200), app -> {
                if (app.equals("silent")) {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                }
                return app;
            }, (app, waited) -> {
            });
        }
        assertEquals(List.of("silent", "quick"), List.copyOf(replies.keySet()));
        assertTrue(replies.get("silent").timedOut());
        assertTrue(replies.get("quick").ok());
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "closing the fan-out gives up on the call");
    }
}
