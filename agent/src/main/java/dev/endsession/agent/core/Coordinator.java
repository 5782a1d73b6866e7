package dev.endsession.agent.core;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Prompt;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The JVM's end-of-session state machine. Bridges call {@link #query}, then {@link #end} or
 * {@link #cancel}; the JVM-exit hook calls {@link #end} too. Every listener call runs on a worker
 * within its budget ({@link OnWorkers}), so a listener that hangs never blocks a bridge past the
 * round's deadline.
 *
 * <p>Thread-safe. The cleanup ({@link #end}) runs at most once per JVM.
 */
public final class Coordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.core");

    private final Policy policy;
    private final Verdicts verdicts;
    private final Listeners listeners = new Listeners();
    private final OnWorkers onWorkers;
    private final Semaphore oneOnScreen = new Semaphore(1);
    private final AtomicBoolean endStarted = new AtomicBoolean();
    private final CountDownLatch endDone = new CountDownLatch(1);
    private volatile EndReport endReport;
    private final Object lock = new Object();
    private RoundState state = RoundState.IDLE;
    private List<String> blockReasons = List.of();
    private volatile Consumer<Set<Reason>> endStarting;
    private volatile RoundObserver observer = RoundObserver.NONE;

    public Coordinator(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.verdicts = new Verdicts(policy);
        this.onWorkers = new OnWorkers(verdicts);
    }

    /** @param listener takes part from the next query on */
    public void register(EndSessionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener to remove @return whether it was registered */
    public boolean remove(EndSessionListener listener) {
        return listeners.remove(listener);
    }

    /**
     * @param action told the reasons when the cleanup starts (once per JVM), in the caller's thread,
     *     before any listener; it must be quick. Not a listener: it costs no worker at the JVM's exit.
     */
    public void onEndStarting(Consumer<Set<Reason>> action) {
        this.endStarting = action;
    }

    /** @param observer told each query's, end's and cancel's report (the agent's round record) */
    public void observe(RoundObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** @return the names of the registered listeners, lowest order first */
    public List<String> listenerNames() {
        return listeners.ascending().stream().map(Listeners.Entry::name).toList();
    }

    /** @return the current round's state */
    public RoundState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** @return the reasons the JVM blocks the end of the session with now; empty when it does not */
    public List<String> blockReasons() {
        synchronized (lock) {
            return blockReasons;
        }
    }

    /**
     * Phase 1: asks every listener at once, each within its budget, and answers by the deadline;
     * prompts still come one at a time, lowest order first. {@link Reason#FORCED} skips the query;
     * {@link Reason#CRITICAL} asks but ignores vetoes. A query that arrives while a previous round is
     * still open starts a new round (Windows does not always cancel the old one).
     *
     * @param reasons why the session ends
     * @param deadline when the answer is due
     * @param interactionAllowed whether listeners may prompt the user
     * @return the JVM's answer, each listener's in listener order
     */
    public QueryReport query(Set<Reason> reasons, Instant deadline, boolean interactionAllowed) {
        Set<Reason> why = immutable(reasons);
        synchronized (lock) {
            if (state == RoundState.ENDING || state == RoundState.ENDED) {
                return new QueryReport(why, false, List.of(), List.of()); // nothing left to protect
            }
            state = RoundState.QUERYING;
            blockReasons = List.of();
        }
        if (why.contains(Reason.FORCED)) {
            return finishQuery(why, List.of());
        }
        Prompt screen = policy.prompt() instanceof RoundAwarePrompt aware ? aware.forRound(why) : policy.prompt();
        List<Listeners.Entry> entries = listeners.ascending();
        RoundPrompt prompt = new RoundPrompt(screen, oneOnScreen, deadline, interactionAllowed, entries.size());
        Duration budget = min(policy.listenerBudget(), untilDeadline(deadline)); // each one's, from the same start
        long start = System.nanoTime();
        List<Future<Vote>> calls = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RoundPrompt.Turn turn = prompt.turn(i);
            calls.add(onWorkers.ask(entries.get(i), new Events.Query(why, deadline, interactionAllowed, turn), turn));
        }
        List<ListenerAnswer> answers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            answers.add(onWorkers.answer(entries.get(i), calls.get(i), start, budget, deadline, prompt.turn(i)));
        }
        return finishQuery(why, answers);
    }

    private QueryReport finishQuery(Set<Reason> why, List<ListenerAnswer> answers) {
        List<String> reasonsGiven = answers.stream().filter(verdicts::vetoes).map(verdicts::blockText).toList();
        boolean vetoed = !reasonsGiven.isEmpty() && !why.contains(Reason.CRITICAL);
        synchronized (lock) {
            if (state == RoundState.QUERYING) {
                state = vetoed ? RoundState.VETOED : RoundState.AGREED;
                blockReasons = vetoed ? reasonsGiven : List.of();
            }
        }
        if (vetoed) {
            LOG.info("Vetoed {}: {}", why, reasonsGiven);
        }
        QueryReport report = new QueryReport(why, vetoed, vetoed ? reasonsGiven : List.of(), answers);
        observer.queried(report);
        return report;
    }

    /**
     * Phase 2, the session ends: runs every cleanup once per JVM, highest order first, within one
     * deadline. A slow cleanup gets its fair share of the time left, then the next one starts while
     * it goes on. A second caller (say SIGTERM during an end of session) waits for the first one's
     * report, up to its own deadline.
     *
     * @param reasons why the session ends
     * @param deadline when the process may be terminated
     * @return what ran, what failed and what was still running at the deadline
     */
    public EndReport end(Set<Reason> reasons, Instant deadline) {
        return endStarted.compareAndSet(false, true) ? runEnd(reasons, deadline) : awaitEnd(deadline);
    }

    /**
     * As {@link #end}, on a new thread, then {@code then} on that thread. The end is claimed for
     * {@code reasons} before this returns: an {@link #end} called meanwhile (the JVM's exit hook,
     * once {@code then} or anyone else calls {@code System.exit}) waits for this one's report
     * instead of running the cleanups with reasons of its own.
     *
     * @param then runs once the cleanups are over (or, if another caller had claimed the end, once its report is in)
     */
    public void endOnNewThread(Set<Reason> reasons, Instant deadline, Runnable then, String threadName) {
        boolean mine = endStarted.compareAndSet(false, true);
        new Thread(() -> {
            if (mine) {
                runEnd(reasons, deadline);
            } else {
                awaitEnd(deadline);
            }
            then.run();
        }, threadName).start();
    }

    /** The cleanups, by the one caller that claimed the end. */
    private EndReport runEnd(Set<Reason> reasons, Instant deadline) {
        synchronized (lock) {
            state = RoundState.ENDING;
            blockReasons = List.of();
        }
        Instant start = Instant.now();
        Events.End event = new Events.End(immutable(reasons), true, deadline);
        Consumer<Set<Reason>> starting = endStarting;
        if (starting != null) {
            try {
                starting.accept(event.reasons());
            } catch (RuntimeException e) {
                LOG.warn("The end-of-session start action failed: {}", e.toString());
            }
        }
        List<Listeners.Entry> order = listeners.descending();
        Map<String, Future<?>> running = new LinkedHashMap<>();
        List<String> finished = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Listeners.Entry entry = order.get(i);
            Future<?> cleanup = onWorkers.tell(entry, event);
            running.put(entry.name(), cleanup);
            Duration share = untilDeadline(deadline).dividedBy(order.size() - i);
            OnWorkers.settle(entry.name(), cleanup, share, finished, failed);
        }
        List<String> overran = new ArrayList<>();
        for (Map.Entry<String, Future<?>> cleanup : running.entrySet()) {
            String name = cleanup.getKey();
            if (!finished.contains(name) && !failed.contains(name)) {
                OnWorkers.settle(name, cleanup.getValue(), untilDeadline(deadline), finished, failed);
                if (!cleanup.getValue().isDone()) {
                    overran.add(name);
                }
            }
        }
        EndReport report = new EndReport(finished, failed, overran, Duration.between(start, Instant.now()));
        if (!overran.isEmpty()) {
            LOG.warn("Cleanups still running at the deadline: {}", overran);
        }
        synchronized (lock) {
            state = RoundState.ENDED;
        }
        endReport = report;
        observer.ended(event.reasons(), report);
        endDone.countDown();
        return report;
    }

    /**
     * Someone vetoed, or the initiator gave up: tells every listener that hears cancels, lowest order
     * first, each within its budget, clears the block reasons, and returns to idle. Ignored once the
     * session is ending.
     *
     * @param reasons the cancelled round's reasons
     */
    public void cancel(Set<Reason> reasons) {
        synchronized (lock) {
            if (state == RoundState.ENDING || state == RoundState.ENDED) {
                return;
            }
            state = RoundState.CANCELLED;
            blockReasons = List.of();
        }
        observer.cancelled(immutable(reasons));
        Events.End event = new Events.End(immutable(reasons), false, Instant.now().plus(policy.listenerBudget()));
        for (Listeners.Entry entry : listeners.ascending()) {
            if (!entry.hearsCancel()) {
                continue;
            }
            Future<?> call = onWorkers.tell(entry, event);
            OnWorkers.settle(entry.name(), call, policy.listenerBudget(), new ArrayList<>(), new ArrayList<>());
        }
        synchronized (lock) {
            if (state == RoundState.CANCELLED) {
                state = RoundState.IDLE;
            }
        }
    }

    /**
     * A rehearsal: one query and its cancel on a coordinator of its own, with one listener that
     * allows. The round's code runs once (classes loaded and linked, call sites bound) while the app
     * is idle, not at its user's first logoff. Changes nothing here; never throws.
     */
    public static void rehearse() {
        try (Coordinator stand = new Coordinator(Policy.defaults())) {
            stand.register(new EndSessionListener() {
                @Override
                public void onEndSessionCancelled(EndSessionEvent event) {
                    // heard, so the cancel's path runs too
                }
            });
            Set<Reason> reasons = Set.of(Reason.LOGOFF);
            stand.query(reasons, Instant.now().plusSeconds(5), false).hung();
            stand.cancel(reasons);
        } catch (RuntimeException e) {
            LOG.debug("The rehearsal failed: {}", e.toString());
        }
    }

    /** @return {@code true} once a cleanup has called {@code System.exit}: the JVM is on its way out */
    public boolean exiting() {
        return onWorkers.exitedTheJvm();
    }

    /** Lets the coordinator's idle worker threads leave now; no listener is called after this. */
    @Override
    public void close() {
        onWorkers.close();
    }

    private EndReport awaitEnd(Instant deadline) {
        onWorkers.releaseCallsExitingTheJvm(); // the JVM's exit hook, called from inside a cleanup
        try {
            if (endDone.await(Math.max(0, untilDeadline(deadline).toNanos()), TimeUnit.NANOSECONDS)) {
                return endReport;
            }
            return new EndReport(List.of(), List.of(), List.of("(cleanup still running in another thread)"), Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EndReport(List.of(), List.of(), List.of("(interrupted)"), Duration.ZERO);
        }
    }

    private static Set<Reason> immutable(Set<Reason> reasons) {
        // Enum order, so reports and JSON list reasons the same way every time.
        return reasons.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    }

    static Duration untilDeadline(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
