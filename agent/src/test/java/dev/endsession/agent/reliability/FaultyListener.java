package dev.endsession.agent.reliability;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.util.concurrent.CountDownLatch;

/**
 * A plugin that misbehaves on purpose, as told by system properties: {@code endsession.test.fault}
 * is {@code throw}, {@code hang}, {@code exit} (calls {@code System.exit(7)}), {@code deadlock}
 * (takes lock A, and a second thread holding lock B waits for A while this one waits for B) or
 * {@code slow} (takes 3 s, then answers normally), in {@code endsession.test.fault.phase}
 * {@code query} or {@code end}. It prints {@code fault <phase> begins} first, so a test knows the
 * round has reached that step. Order 10: it is asked after, and cleaned up before, the
 * default-order listeners.
 */
public final class FaultyListener implements EndSessionListener {

    /** System property: the fault. */
    public static final String FAULT = "endsession.test.fault";
    /** System property: the phase it strikes in. */
    public static final String PHASE = "endsession.test.fault.phase";

    private static final Object A = new Object();
    private static final Object B = new Object();

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        strike("query");
        return Vote.allow();
    }

    @Override
    public void onEndSession(EndSessionEvent event) {
        strike("end");
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String name() {
        return "faulty-" + System.getProperty(FAULT, "none");
    }

    private static void strike(String phase) {
        if (!phase.equals(System.getProperty(PHASE, "query"))) {
            return;
        }
        System.out.println("fault " + phase + " begins");
        System.out.flush();
        switch (System.getProperty(FAULT, "none")) {
            case "throw" -> throw new IllegalStateException("faulty listener throws in " + phase);
            case "hang" -> awaitForever();
            case "exit" -> System.exit(7);
            case "deadlock" -> deadlock();
            case "slow" -> slow();
            default -> { }
        }
    }

    private static void slow() {
        try {
            Thread.sleep(3000); // the behaviour under test: a step that takes a while
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deadlock() {
        CountDownLatch bHeld = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            synchronized (B) {
                bHeld.countDown();
                synchronized (A) {
                    bHeld.countDown(); // never reached
                }
            }
        }, "faulty-deadlock");
        other.setDaemon(true);
        synchronized (A) {
            other.start();
            awaitQuietly(bHeld);
            synchronized (B) {
                System.out.println("not deadlocked"); // never reached
            }
        }
    }

    /** Hangs for good: an interrupt does not free it either (the worst kind of listener). */
    private static void awaitForever() {
        while (true) {
            awaitQuietly(new CountDownLatch(1));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            // ignored on purpose: a faulty listener
        }
    }
}
