package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkersTest {

    record Ran(Thread thread, ByteBuffer in, ByteBuffer out) {
    }

    static Workers.Task recording(BlockingQueue<Ran> ran) {
        return (in, out) -> ran.add(new Ran(Thread.currentThread(), in, out));
    }

    /** Bounded wait for the worker to be back in the pool (it gets there just after its task returns). */
    static void awaitWaiting(Workers workers, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workers.waiting() != count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(count, workers.waiting());
    }

    @Test
    void theNextConnectionReusesTheThreadAndItsBuffersOnceTheLastOneEnded() throws Exception {
        BlockingQueue<Ran> ran = new ArrayBlockingQueue<>(2);
        try (Workers workers = new Workers()) {
            workers.run(recording(ran));
            Ran first = ran.poll(10, TimeUnit.SECONDS);
            awaitWaiting(workers, 1);
            workers.run(recording(ran));
            Ran second = ran.poll(10, TimeUnit.SECONDS);
            assertSame(first.thread(), second.thread());
            assertSame(first.in(), second.in());
            assertTrue(first.in().isDirect() && first.out().isDirect());
        }
    }

    @Test
    void aConnectionThatHangsDoesNotHoldUpTheNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Ran> ran = new ArrayBlockingQueue<>(2);
        try (Workers workers = new Workers()) {
            workers.run((in, out) -> {
                ran.add(new Ran(Thread.currentThread(), in, out));
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Ran hanging = ran.poll(10, TimeUnit.SECONDS);
            workers.run(recording(ran));
            Ran next = ran.poll(10, TimeUnit.SECONDS);
            assertNotSame(hanging.thread(), next.thread(), "served at once, on another thread");
            assertNotSame(hanging.in(), next.in());
        } finally {
            release.countDown();
        }
    }

    @Test
    void closingLetsTheWaitingThreadsLeave() throws Exception {
        BlockingQueue<Ran> ran = new ArrayBlockingQueue<>(1);
        Workers workers = new Workers();
        workers.run(recording(ran));
        Thread thread = ran.poll(10, TimeUnit.SECONDS).thread();
        awaitWaiting(workers, 1);
        workers.close();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(Thread.State.TERMINATED, thread.getState());
    }
}
