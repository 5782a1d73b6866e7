package dev.endsession.agent.linux;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What every Linux protocol does with the one coordinator, on threads of their own so that no
 * protocol's event thread waits for a listener: a query answered through a callback, the end
 * (exactly once, whoever triggers it: a second trigger waits for the first one's cleanups), a cancel,
 * the JVM's exit. Also where a shutdown heard from logind upgrades a logout's reasons.
 */
public final class SessionEnd {

    /**
     * A query's classes, loaded with this one when the bridge starts: loading a class from the agent
     * jar costs a cold JVM 0.2 to 0.7 ms, which 20 JVMs answering one logout on a shared CPU pay
     * while the session manager waits (bench/README.md, "Linux bridge").
     */
    private static final List<Class<?>> QUERY_CLASSES = List.of(Query.class, Answered.class);

    private final Coordinator coordinator;
    private volatile boolean shutdownHeard;
    private volatile BooleanSupplier preparingForShutdown; // logind's own word, where logind is there

    /** @param coordinator the JVM's coordinator */
    public SessionEnd(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** @return the coordinator, for what protocols read from it (block reasons) */
    public Coordinator coordinator() {
        return coordinator;
    }

    /** logind announced the machine's shutdown: a logout's end from now on is a shutdown's. */
    public void shutdownHeard() {
        shutdownHeard = true;
    }

    /**
     * @param asked whether logind prepares a shutdown right now ({@code PreparingForShutdown}): true
     *     from the moment it starts one, while its signal may still be on the way to this JVM
     */
    public void shutdownKnownBy(BooleanSupplier asked) {
        preparingForShutdown = asked;
    }

    /**
     * @return {@code logout}'s reasons, or {@code SHUTDOWN} once logind announced one or, asked now,
     *     says it prepares one (GNOME's power-off sends both signals at the same moment); on the
     *     bridge's event thread, where logind's connection is used
     */
    public Set<Reason> upgrade(Set<Reason> logout) {
        BooleanSupplier logind = preparingForShutdown;
        if (!shutdownHeard && (logind == null || !logind.getAsBoolean())) {
            return logout;
        }
        EnumSet<Reason> upgraded = EnumSet.copyOf(logout);
        upgraded.remove(Reason.LOGOFF);
        upgraded.add(Reason.SHUTDOWN);
        return upgraded;
    }

    /**
     * Asks the listeners (no prompt: the desktop's own dialog shows the reasons) on a new thread.
     *
     * @param within when the answer is due, from now
     * @param on where the answer is delivered (the protocol's event thread)
     * @param answer gets the JVM's answer there; a class, not a lambda: a lambda's first link costs a
     *     cold JVM about a millisecond of CPU at the very moment it must answer
     */
    public void query(Set<Reason> reasons, Duration within, Executor on, Consumer<QueryReport> answer, String threadName) {
        Instant deadline = Instant.now().plus(within);
        start(new Query(reasons, deadline, on, answer), threadName);
    }

    /**
     * Runs every cleanup once per JVM on a new thread, then {@code then}; if another trigger claimed
     * the end first, waits for its cleanups instead, then {@code then}.
     */
    public void end(Set<Reason> reasons, Duration within, Runnable then, String threadName) {
        coordinator.endOnNewThread(reasons, Instant.now().plus(within), then, threadName);
    }

    /** Tells every listener that the round was cancelled, on a new thread. */
    public void cancel(Set<Reason> reasons, String threadName) {
        start(new Cancel(reasons), threadName);
    }

    /** Exits the JVM normally, on a new thread: the app's shutdown hooks run; ours finds the cleanups done. */
    public void exit(String threadName) {
        start(new Exit(), threadName);
    }

    private static void start(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A query's thread; a named class, not a lambda (a lambda's first bootstrap costs milliseconds). */
    private final class Query implements Runnable {
        private final Set<Reason> reasons;
        private final Instant deadline;
        private final Executor on;
        private final Consumer<QueryReport> answer;

        Query(Set<Reason> reasons, Instant deadline, Executor on, Consumer<QueryReport> answer) {
            this.reasons = reasons;
            this.deadline = deadline;
            this.on = on;
            this.answer = answer;
        }

        @Override
        public void run() {
            on.execute(new Answered(answer, coordinator.query(reasons, deadline, false)));
        }
    }

    /** The query's report, handed to its answer on the protocol's thread. */
    private static final class Answered implements Runnable {
        private final Consumer<QueryReport> answer;
        private final QueryReport report;

        Answered(Consumer<QueryReport> answer, QueryReport report) {
            this.answer = answer;
            this.report = report;
        }

        @Override
        public void run() {
            answer.accept(report);
        }
    }

    /** A cancel's thread. */
    private final class Cancel implements Runnable {
        private final Set<Reason> reasons;

        Cancel(Set<Reason> reasons) {
            this.reasons = reasons;
        }

        @Override
        public void run() {
            coordinator.cancel(reasons);
        }
    }

    /** {@code System.exit(0)}. */
    private static final class Exit implements Runnable {
        @Override
        public void run() {
            System.exit(0);
        }
    }
}
