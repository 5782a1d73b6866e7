package dev.endsession.agent.bus;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that serve the endpoint's connections: one per connection in progress, so a slow or
 * silent peer holds only its own. A thread whose connection ended waits {@link #KEEP_ALIVE} for the
 * next one, so the connections of one round (a {@code status}, then the round itself, each app
 * reached once per step) reuse it instead of starting a thread each; after that it leaves, so an
 * idle endpoint holds none. Each thread owns the direct buffers its connections read and write
 * through. The app side runs interpreted (it serves too few rounds to be compiled): a thread start
 * and its first direct buffer are a large share of what a connection costs there. Thread-safe.
 */
final class Workers implements AutoCloseable {

    /** How long a thread waits for the next connection before it leaves. */
    static final long KEEP_ALIVE = TimeUnit.SECONDS.toNanos(10);
    /** Each direct buffer: a request or reply of the protocol fits many times over; bigger ones still work. */
    private static final int BUFFER = 4096;

    /** One connection's work, run on a worker with that worker's buffers. */
    interface Task {
        void run(ByteBuffer in, ByteBuffer out);
    }

    private final ArrayDeque<Worker> idle = new ArrayDeque<>(); // guarded by this
    private volatile boolean closed; // written holding the lock

    /** Runs {@code task} on a waiting worker, or on a new one. */
    void run(Task task) {
        Worker worker;
        synchronized (this) {
            worker = idle.pollLast(); // the latest to finish: its stack is the warmest
            if (worker != null) {
                worker.next = task;
            }
        }
        if (worker != null) {
            LockSupport.unpark(worker);
        } else {
            worker = new Worker(task);
            worker.start();
        }
    }

    /** @return how many threads wait for a connection */
    synchronized int waiting() {
        return idle.size();
    }

    /** Lets every waiting worker leave now (connections in progress are closed by their owner). */
    @Override
    public void close() {
        Worker[] waiting;
        synchronized (this) {
            closed = true;
            waiting = idle.toArray(new Worker[0]);
        }
        for (Worker worker : waiting) {
            LockSupport.unpark(worker);
        }
    }

    private final class Worker extends Thread {
        private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
        private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER);
        private volatile Task next;

        Worker(Task first) {
            super("endsession-bus-connection");
            setDaemon(true);
            next = first;
        }

        @Override
        public void run() {
            for (Task task = next; task != null; task = awaitNext()) {
                next = null;
                task.run(in, out);
            }
        }

        /** @return the next task, or {@code null} once the keep-alive passed (or the endpoint closed) */
        private Task awaitNext() {
            synchronized (Workers.this) {
                if (closed) {
                    return null;
                }
                idle.addLast(this);
            }
            long deadline = System.nanoTime() + KEEP_ALIVE;
            while (true) {
                Task task = next;
                if (task != null) {
                    return task;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    synchronized (Workers.this) {
                        if (next == null) { // else a task was handed over just now: run it
                            idle.remove(this);
                            return null;
                        }
                    }
                } else {
                    LockSupport.parkNanos(this, left);
                }
            }
        }
    }
}
