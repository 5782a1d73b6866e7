package dev.endsession.agent.core;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.threads.Handed;
import dev.endsession.agent.threads.Workers;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Listener calls handed to the coordinator's worker threads and awaited within a budget: every
 * cleanup (a slow one must not hold up the next), and the queries and cancels of callers that do
 * not lend their own thread ({@link CallerRuns}): the Windows bridge, the JVM's exit. A call that
 * overruns goes on alone on its worker; nobody waits for it any more. Thread-safe.
 */
final class OnWorkers {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.core");

    private final Workers<Void> workers = new Workers<>("endsession-worker", true, null);
    private final Verdicts verdicts;

    OnWorkers(Verdicts verdicts) {
        this.verdicts = verdicts;
    }

    /**
     * Asks one listener and waits for its vote within {@code budget}, longer only while it has a
     * prompt on screen (then up to the round's deadline).
     */
    ListenerAnswer ask(Listeners.Entry entry, Events.Query query, RoundPrompt prompt, Duration budget) {
        long start = System.nanoTime();
        Handed<Vote> call = new Handed<>(new Calls.Query(entry.listener(), query));
        workers.run(call);
        try {
            Vote vote = awaitVote(call, budget, query.deadline(), prompt);
            return Verdicts.voted(entry, vote, Duration.ofNanos(System.nanoTime() - start));
        } catch (ExecutionException e) {
            return verdicts.failed(entry, e.getCause(), Duration.ofNanos(System.nanoTime() - start));
        } catch (TimeoutException e) {
            return verdicts.hung(entry, budget, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** @return the running {@code onEndSession} or {@code onEndSessionCancelled} call */
    Future<?> tell(Listeners.Entry entry, Events.End event) {
        Handed<Void> call = new Handed<>(new Calls.Event(entry.listener(), event));
        workers.run(call);
        return call;
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
        } catch (TimeoutException e) {
            // Still running: it goes on while the next one starts; the caller reports it at the deadline.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Vote awaitVote(Future<Vote> call, Duration budget, Instant deadline, RoundPrompt prompt)
            throws ExecutionException, TimeoutException {
        try {
            try {
                return call.get(Math.max(0, budget.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (!prompt.isOpen()) {
                    throw e;
                }
                return call.get(Math.max(0, Coordinator.untilDeadline(deadline).toNanos()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }
}
