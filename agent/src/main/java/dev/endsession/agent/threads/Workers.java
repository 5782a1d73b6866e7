package dev.endsession.agent.threads;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Daemon threads for tasks that may block or hang, each task on a thread of its own while it runs.
 * A thread whose task ended waits {@link #KEEP_ALIVE} for the next, then leaves, so an idle agent
 * holds none. Each thread owns a state made once for it (the bus's connections: their direct
 * buffers), handed to every task it runs.
 *
 * <p>Why not the JDK's cached {@code ThreadPoolExecutor}: handing a task over here is a field write
 * and an unpark, where the executor does queue work ({@code SynchronousQueue}) on both sides. The
 * app side runs this interpreted (an app answers a handful of rounds in its life), and each round
 * hands over a connection and two listener calls: measured over 50 apps, the executor cost 7-10 %
 * more of the apps' CPU for the connections and about 13 % for the listener calls
 * (bench/README.md). Thread-safe.
 *
 * @param <S> the per-thread state
 */
public final class Workers<S> implements AutoCloseable {

    /** How long a thread waits for the next task before it leaves. */
    private static final long KEEP_ALIVE = TimeUnit.SECONDS.toNanos(10);

    /** A task, run with its thread's state. */
    public interface Task<S> {
        void run(S state);
    }

    private final String name;
    private final boolean numbered;
    private final Supplier<S> state;
    private final AtomicInteger started = new AtomicInteger();
    private final ArrayDeque<Worker> idle = new ArrayDeque<>(); // guarded by this
    private volatile boolean closed; // written holding the lock

    /**
     * @param name the threads' name
     * @param numbered whether each thread's name ends with {@code -N}
     * @param state makes a new thread's state (on the thread that hands it its first task); {@code null}: none
     */
    public Workers(String name, boolean numbered, Supplier<S> state) {
        this.name = name;
        this.numbered = numbered;
        this.state = state;
    }

    /** Runs {@code task} on a waiting thread, or on a new one. */
    public void run(Task<? super S> task) {
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
            worker = new Worker(task, numbered ? name + "-" + started.incrementAndGet() : name,
                    state == null ? null : state.get());
            worker.start();
        }
    }

    /** @return how many threads wait for a task */
    public synchronized int waiting() {
        return idle.size();
    }

    /** Lets every waiting thread leave now (running tasks go on; their threads leave after). */
    @Override
    public void close() {
        Thread[] waiting;
        synchronized (this) {
            closed = true;
            waiting = idle.toArray(new Thread[0]);
        }
        for (Thread worker : waiting) {
            LockSupport.unpark(worker);
        }
    }

    private final class Worker extends Thread {
        private final S own;
        private volatile Task<? super S> next;

        Worker(Task<? super S> first, String name, S own) {
            super(name);
            setDaemon(true);
            this.own = own;
            next = first;
        }

        @Override
        public void run() {
            for (Task<? super S> task = next; task != null; task = awaitNext()) {
                next = null;
                task.run(own);
                // A task's interrupt (a cancelled Handed, say) must reach neither the wait for the next
                // task (parkNanos would return at once, a spin) nor the next task (an interruptible
                // channel it reads would be closed), as the JDK's pools clear it too.
                Thread.interrupted();
            }
        }

        /** @return the next task, or {@code null} once the keep-alive passed (or the pool closed) */
        private Task<? super S> awaitNext() {
            synchronized (Workers.this) {
                if (closed) {
                    return null;
                }
                idle.addLast(this);
            }
            long deadline = System.nanoTime() + KEEP_ALIVE;
            while (true) {
                Task<? super S> task = next;
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
