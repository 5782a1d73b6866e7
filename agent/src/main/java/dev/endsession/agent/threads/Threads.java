package dev.endsession.agent.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The agent's pools: daemon threads named {@code <name>-N}, each leaving after a few idle seconds. */
public final class Threads {

    /** How long an idle thread waits for the next task before it leaves. */
    private static final long KEEP_ALIVE_SECONDS = 10;

    private Threads() {
    }

    /** @return a pool that runs each task at once, on an idle thread or a new one (tasks may block or hang) */
    public static ExecutorService cached(String name) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemons(name));
    }

    /** @return one timer thread, started when something is scheduled; a cancelled task leaves its queue at once */
    public static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons(name));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
