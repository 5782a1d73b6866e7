package dev.endsession.agent.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkersTest {

    /** A thread's own state: made once per thread. */
    static final class Own {
    }

    record Ran(Thread thread, Own state) {
    }

    static Workers<Own> workers() {
        return new Workers<>("test-worker", true, Own::new);
    }

    static Workers.Task<Own> recording(BlockingQueue<Ran> ran) {
        return state -> ran.add(new Ran(Thread.currentThread(), state));
    }

    /** Bounded wait for the worker to be back in the pool (it gets there just after its task returns). */
    static void awaitWaiting(Workers<?> workers, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workers.waiting() != count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(count, workers.waiting());
    }

    @Test
    void theNextTaskReusesTheThreadAndItsStateOnceTheLastOneEnded() throws Exception {
        BlockingQueue<Ran> ran = new ArrayBlockingQueue<>(2);
        try (Workers<Own> workers = workers()) {
            workers.run(recording(ran));
            Ran first = ran.poll(10, TimeUnit.SECONDS);
            awaitWaiting(workers, 1);
            workers.run(recording(ran));
            Ran second = ran.poll(10, TimeUnit.SECONDS);
            assertSame(first.thread(), second.thread());
            assertSame(first.state(), second.state());
            assertTrue(first.thread().isDaemon());
            assertEquals("test-worker-1", first.thread().getName());
        }
    }

    @Test
    void aTaskThatHangsDoesNotHoldUpTheNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Ran> ran = new ArrayBlockingQueue<>(2);
        try (Workers<Own> workers = workers()) {
            workers.run(state -> {
                ran.add(new Ran(Thread.currentThread(), state));
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Ran hanging = ran.poll(10, TimeUnit.SECONDS);
            workers.run(recording(ran));
            Ran next = ran.poll(10, TimeUnit.SECONDS);
            assertNotSame(hanging.thread(), next.thread(), "run at once, on another thread");
            assertNotSame(hanging.state(), next.state());
            assertEquals("test-worker-2", next.thread().getName());
        } finally {
            release.countDown();
        }
    }

    @Test
    void anInterruptLeftByATaskDoesNotReachTheNextOne() throws Exception {
        BlockingQueue<Boolean> interrupted = new ArrayBlockingQueue<>(1);
        BlockingQueue<Ran> ran = new ArrayBlockingQueue<>(2);
        try (Workers<Own> workers = workers()) {
            workers.run(state -> {
                ran.add(new Ran(Thread.currentThread(), state));
                Thread.currentThread().interrupt(); // as a cancel(true) of a Handed does
            });
            Ran first = ran.poll(10, TimeUnit.SECONDS);
            awaitWaiting(workers, 1);
            workers.run(state -> {
                ran.add(new Ran(Thread.currentThread(), state));
                interrupted.add(Thread.currentThread().isInterrupted());
            });
            assertSame(first.thread(), ran.poll(10, TimeUnit.SECONDS).thread());
            assertEquals(Boolean.FALSE, interrupted.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingLetsTheWaitingThreadsLeave() throws Exception {
        BlockingQueue<Ran> ran = new ArrayBlockingQueue<>(1);
        Workers<Own> workers = workers();
        workers.run(recording(ran));
        Thread thread = ran.poll(10, TimeUnit.SECONDS).thread();
        awaitWaiting(workers, 1);
        workers.close();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(Thread.State.TERMINATED, thread.getState());
    }
}
