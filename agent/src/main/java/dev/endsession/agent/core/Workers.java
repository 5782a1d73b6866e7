package dev.endsession.agent.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads that run listener calls; none exist while the JVM is idle. */
final class Workers {

    private Workers() {
    }

    static ExecutorService create() {
        // Threads are made on demand and retire after 10 s idle: an idle agent holds none.
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), new Daemons());
    }

    /** Names worker threads and makes them daemons (a class, not a lambda: cheaper at agent start). */
    private static final class Daemons implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "endsession-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
