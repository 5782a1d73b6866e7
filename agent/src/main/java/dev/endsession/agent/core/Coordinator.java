package dev.endsession.agent.core;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
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
 * {@link #cancel}; the JVM-exit hook calls {@link #end} too. Each listener runs within its budget,
 * on a worker ({@link OnWorkers}) or on the caller's own thread when it lends it ({@link CallerRuns},
 * the bus), so a listener that hangs never blocks a bridge past the round's deadline.
 *
 * <p>Thread-safe. The cleanup ({@link #end}) runs at most once per JVM.
 */
public final class Coordinator {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.core");

    private final Policy policy;
    private final Verdicts verdicts;
    private final Listeners listeners = new Listeners();
    private final OnWorkers onWorkers;
    private final Semaphore oneOnScreen = new Semaphore(1);
    private final AtomicBoolean endStarted = new AtomicBoolean();
    // A latch and a field, not a CompletableFuture: that class initialises ForkJoinPool, milliseconds at start-up.
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
     * Phase 1: asks every listener, lowest order first, each within its budget. {@link Reason#FORCED}
     * skips the query; {@link Reason#CRITICAL} asks but ignores vetoes. A query that arrives while a
     * previous round is still open starts a new round (Windows does not always cancel the old one).
     *
     * @param reasons why the session ends
     * @param deadline when the answer is due
     * @param interactionAllowed whether listeners may prompt the user
     * @return the JVM's answer
     */
    public QueryReport query(Set<Reason> reasons, Instant deadline, boolean interactionAllowed) {
        return query(reasons, deadline, interactionAllowed, null, null);
    }

    /**
     * As {@link #query(Set, Instant, boolean)}, the listeners called on this thread ({@link CallerRuns}).
     *
     * @param here how this thread is given up to a listener that overruns; {@code null}: hand every call to a worker
     * @param later gets the answer on another thread, when this call returns {@code null}
     * @return the JVM's answer; {@code null} if a listener overran: this thread then belongs to it, and
     *     the query goes on elsewhere
     */
    public QueryReport query(Set<Reason> reasons, Instant deadline, boolean interactionAllowed, CallerRuns here,
            Consumer<QueryReport> later) {
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
        RoundPrompt prompt = new RoundPrompt(screen, oneOnScreen, deadline, interactionAllowed);
        Events.Query query = new Events.Query(why, deadline, interactionAllowed, prompt);
        if (here != null) {
            QueryHere run = new QueryHere(listeners.ascending(), here, query, prompt, later);
            return run.from(0) ? finishQuery(why, run.answers) : null;
        }
        List<ListenerAnswer> answers = new ArrayList<>();
        for (Listeners.Entry entry : listeners.ascending()) {
            answers.add(onWorkers.ask(entry, query, prompt, min(policy.listenerBudget(), untilDeadline(deadline))));
        }
        return finishQuery(why, answers);
    }

    private QueryReport finishQuery(Set<Reason> why, List<ListenerAnswer> answers) {
        List<String> reasonsGiven = new ArrayList<>(); // a loop, not a stream: this runs cold (Calls says why)
        for (ListenerAnswer answer : answers) {
            if (verdicts.vetoes(answer)) {
                reasonsGiven.add(verdicts.blockText(answer));
            }
        }
        reasonsGiven = List.copyOf(reasonsGiven);
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

    /** A query's listener calls on the caller's thread. */
    private final class QueryHere extends Here {
        private final Events.Query query;
        private final RoundPrompt prompt;
        private final Consumer<QueryReport> later;
        final List<ListenerAnswer> answers = new ArrayList<>(); // written by one thread at a time (Here says how)

        QueryHere(List<Listeners.Entry> entries, CallerRuns here, Events.Query query, RoundPrompt prompt,
                Consumer<QueryReport> later) {
            super(entries, here);
            this.query = query;
            this.prompt = prompt;
            this.later = later;
        }

        @Override
        Object call(Listeners.Entry entry) {
            return entry.listener().onQueryEndSession(query);
        }

        @Override
        void answered(Listeners.Entry entry, Object vote, Throwable failure, Duration took) {
            answers.add(failure == null ? Verdicts.voted(entry, (Vote) vote, took) : verdicts.failed(entry, failure, took));
        }

        @Override
        void overran(Listeners.Entry entry, Duration budget) {
            answers.add(verdicts.hung(entry, budget, budget));
        }

        @Override
        Duration budget() {
            return min(policy.listenerBudget(), untilDeadline(query.deadline()));
        }

        @Override
        Duration extension() {
            return prompt.isOpen() ? untilDeadline(query.deadline()) : null;
        }

        @Override
        void done() {
            later.accept(finishQuery(query.reasons(), answers));
        }
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
        Thread thread = new Thread(new Ending(mine, reasons, deadline, then), threadName);
        thread.start();
    }

    /** {@link #endOnNewThread}'s thread. */
    private final class Ending implements Runnable {
        private final boolean mine;
        private final Set<Reason> reasons;
        private final Instant deadline;
        private final Runnable then;

        Ending(boolean mine, Set<Reason> reasons, Instant deadline, Runnable then) {
            this.mine = mine;
            this.reasons = reasons;
            this.deadline = deadline;
            this.then = then;
        }

        @Override
        public void run() {
            if (mine) {
                runEnd(reasons, deadline);
            } else {
                awaitEnd(deadline);
            }
            then.run();
        }
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
     * Someone vetoed, or the initiator gave up: tells every listener, clears the block reasons, and
     * returns to idle. Ignored once the session is ending.
     *
     * @param reasons the cancelled round's reasons
     */
    public void cancel(Set<Reason> reasons) {
        cancel(reasons, null, null);
    }

    /**
     * As {@link #cancel(Set)}, the listeners called on this thread ({@link CallerRuns}).
     *
     * @param here how this thread is given up to a listener that overruns; {@code null}: hand every call to a worker
     * @param later run on another thread once every listener was told, when this call returns {@code false}
     * @return {@code true} if done; {@code false} if a listener overran: this thread then belongs to
     *     it, and the cancel goes on elsewhere
     */
    public boolean cancel(Set<Reason> reasons, CallerRuns here, Runnable later) {
        synchronized (lock) {
            if (state == RoundState.ENDING || state == RoundState.ENDED) {
                return true;
            }
            state = RoundState.CANCELLED;
            blockReasons = List.of();
        }
        observer.cancelled(immutable(reasons));
        Events.End event = new Events.End(immutable(reasons), false, Instant.now().plus(policy.listenerBudget()));
        if (here != null) {
            if (!new CancelHere(listeners.ascending(), here, event, later).from(0)) {
                return false;
            }
        } else {
            for (Listeners.Entry entry : listeners.ascending()) {
                Future<?> call = onWorkers.tell(entry, event);
                OnWorkers.settle(entry.name(), call, policy.listenerBudget(), new ArrayList<>(), new ArrayList<>());
            }
        }
        finishCancel();
        return true;
    }

    private void finishCancel() {
        synchronized (lock) {
            if (state == RoundState.CANCELLED) {
                state = RoundState.IDLE;
            }
        }
    }

    /** A cancel's listener calls on the caller's thread. */
    private final class CancelHere extends Here {
        private final Events.End event;
        private final Runnable later;

        CancelHere(List<Listeners.Entry> entries, CallerRuns here, Events.End event, Runnable later) {
            super(entries, here);
            this.event = event;
            this.later = later;
        }

        @Override
        Object call(Listeners.Entry entry) {
            entry.listener().onEndSessionCancelled(event);
            return null;
        }

        @Override
        void answered(Listeners.Entry entry, Object none, Throwable failure, Duration took) {
            if (failure != null) {
                LOG.warn("Listener {} threw during the end of session: {}", entry.name(), failure.toString());
            }
        }

        @Override
        void overran(Listeners.Entry entry, Duration budget) {
            // as in a worker: it goes on on its own; the next listener is told now
        }

        @Override
        Duration budget() {
            return policy.listenerBudget();
        }

        @Override
        Duration extension() {
            return null;
        }

        @Override
        void done() {
            finishCancel();
            later.run();
        }
    }

    private EndReport awaitEnd(Instant deadline) {
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
