package dev.endsession.agent.core;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.threads.Threads;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every listener call, on the coordinator's worker threads, awaited within a budget
 * ({@code Future.get(timeout)}): a call that overruns goes on alone on its worker; nobody waits for
 * it any more. Thread-safe.
 */
final class OnWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.core");

    private final ExecutorService workers = Threads.cached("endsession-worker");
    private final Set<Told> told = ConcurrentHashMap.newKeySet();
    private final Verdicts verdicts;
    private volatile boolean exitedTheJvm;

    OnWorkers(Verdicts verdicts) {
        this.verdicts = verdicts;
    }

    /** @return the running {@code onQueryEndSession} call; its turn is over once it returns */
    Future<Vote> ask(Listeners.Entry entry, Events.Query query, RoundPrompt.Turn turn) {
        return workers.submit(() -> {
            try {
                return entry.listener().onQueryEndSession(query);
            } finally {
                turn.over();
            }
        });
    }

    /**
     * Waits for an {@link #ask}ed vote until {@code start + budget}, longer only while the listener
     * waits for or shows a prompt (then up to the round's deadline).
     */
    ListenerAnswer answer(Listeners.Entry entry, Future<Vote> call, long start, Duration budget, Instant deadline,
            RoundPrompt.Turn turn) {
        try {
            Vote vote;
            try {
                vote = call.get(start + budget.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (!turn.asking()) {
                    throw e;
                }
                vote = call.get(Coordinator.untilDeadline(deadline).toNanos(), TimeUnit.NANOSECONDS);
            }
            return Verdicts.voted(entry, vote, Duration.ofNanos(System.nanoTime() - start));
        } catch (ExecutionException e) {
            return verdicts.failed(entry, e.getCause(), Duration.ofNanos(System.nanoTime() - start));
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            turn.over();
            return verdicts.hung(entry, budget, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** @return the running {@code onEndSession} or {@code onEndSessionCancelled} call */
    Future<?> tell(Listeners.Entry entry, Events.End event) {
        Told call = new Told(() -> {
            if (event.ending()) {
                entry.listener().onEndSession(event);
            } else {
                entry.listener().onEndSessionCancelled(event);
            }
        });
        told.add(call);
        workers.execute(call);
        return call;
    }

    /**
     * Lets go of every call whose thread is exiting the JVM (a cleanup that saved, then called
     * {@code System.exit}): it never returns, as its thread now runs the shutdown hooks, so waiting
     * for it would only hold the JVM's exit until the deadline. Its waiter sees it cancelled.
     */
    void releaseCallsExitingTheJvm() {
        for (Told call : told) {
            if (call.exitingTheJvm()) {
                exitedTheJvm = true; // before the cancel, so its waiter sees it
                call.cancel(false);
            }
        }
    }

    /** @return {@code true} once a call was let go of because its thread was exiting the JVM */
    boolean exitedTheJvm() {
        return exitedTheJvm;
    }

    /**
     * Waits up to {@code wait} for a call from {@link #tell}; adds its name to {@code finished} or
     * {@code failed} (logged) once it is over, to neither while it still runs.
     */
    static void settle(String name, Future<?> call, Duration wait, List<String> finished, List<String> failed) {
        try {
            call.get(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
            finished.add(name);
        } catch (ExecutionException e) {
            LOG.warn("Listener {} threw during the end of session: {}", name, e.getCause().toString());
            failed.add(name);
        } catch (CancellationException e) {
            finished.add(name); // it called System.exit: its work is over, the JVM ends on its thread
        } catch (TimeoutException e) {
            // Still running: it goes on while the next one starts; the caller reports it at the deadline.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A told call that knows the thread running it, to see whether that thread is exiting the JVM. */
    private final class Told extends FutureTask<Void> {
        private volatile Thread runner;

        Told(Runnable call) {
            super(call, null);
        }

        @Override
        public void run() {
            runner = Thread.currentThread();
            try {
                super.run();
            } finally {
                runner = null;
            }
        }

        @Override
        protected void done() {
            told.remove(this);
        }

        boolean exitingTheJvm() {
            Thread thread = runner;
            if (thread == null) {
                return false;
            }
            for (StackTraceElement frame : thread.getStackTrace()) {
                if (frame.getClassName().equals("java.lang.Shutdown") && frame.getMethodName().equals("exit")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Lets the idle workers leave now; running calls go on. */
    @Override
    public void close() {
        workers.shutdown();
    }
}
