package dev.endsession.bench.jmh;

import dev.endsession.agent.core.CallerRuns;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.core.Prompts;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * In-process dispatch over 10 listeners that answer at once, on the real {@link Coordinator}.
 *
 * <ul>
 * <li>{@code query}: one query (every listener asked, each on a worker within its budget). A
 * coordinator can be queried again and again, so one serves every invocation.</li>
 * <li>{@code queryThenCancel}: a query and the cancellation that follows a veto elsewhere.</li>
 * <li>{@code end}: the cleanups. They run once per coordinator, so every invocation gets a fresh one,
 * made (with its 10 listeners) in an untimed per-invocation setup.</li>
 * <li>{@code queryHere}, {@code queryThenCancelHere}: the same, the listeners called on the caller's thread
 * ({@code CallerRuns}, as the session bus does). Arming a listener's budget is free here (the bus's
 * watchdog adds to a list); no listener overruns.</li>
 * <li>{@code baselineHandoffs}: 10 calls handed one after the other to the JDK's cached thread pool
 * (the coordinator's own pool until 2026-11-25), each awaited. The report divides by it.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CoordinatorBenchmark {

    static final int LISTENERS = 10;
    static final Set<Reason> LOGOFF = EnumSet.of(Reason.LOGOFF);

    /** A listener that answers at once and does nothing at the end. */
    static final class AtOnce implements EndSessionListener {
        @Override
        public Vote onQueryEndSession(QueryEndSession query) {
            return Vote.allow();
        }

        @Override
        public void onEndSession(EndSessionEvent event) {
            // nothing to clean up
        }
    }

    static Coordinator coordinator() {
        Coordinator coordinator = new Coordinator(new Policy(Duration.ofSeconds(5), false, false, Prompts.NONE));
        for (int i = 0; i < LISTENERS; i++) {
            coordinator.register(new AtOnce());
        }
        return coordinator;
    }

    /**
     * The coordinator has no close(): a JVM has one for its life. A benchmark that makes thousands
     * shuts each one's worker pool down so their idle threads do not pile up.
     */
    static void shutDown(Coordinator coordinator) {
        try {
            Field onWorkers = Coordinator.class.getDeclaredField("onWorkers");
            onWorkers.setAccessible(true);
            Object calls = onWorkers.get(coordinator);
            Field workers = calls.getClass().getDeclaredField("workers");
            workers.setAccessible(true);
            ((AutoCloseable) workers.get(calls)).close();
        } catch (Exception e) {
            throw new IllegalStateException("the worker pool is no longer Coordinator.onWorkers.workers", e);
        }
    }

    /** One coordinator for the repeatable benchmarks. */
    @State(Scope.Thread)
    public static class Shared {
        Coordinator coordinator;
        ExecutorService pool;

        @Setup(Level.Trial)
        public void setUp() {
            coordinator = coordinator();
            pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            shutDown(coordinator);
            pool.shutdown();
        }
    }

    /** A fresh coordinator per invocation, for the once-per-JVM end. */
    @State(Scope.Thread)
    public static class Fresh {
        Coordinator coordinator;

        @Setup(Level.Invocation)
        public void setUp() {
            coordinator = coordinator();
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            shutDown(coordinator);
        }
    }

    @Benchmark
    public QueryReport query(Shared state) {
        return state.coordinator.query(LOGOFF, Instant.now().plusSeconds(30), false);
    }

    @Benchmark
    public QueryReport queryThenCancel(Shared state) {
        QueryReport report = state.coordinator.query(LOGOFF, Instant.now().plusSeconds(30), false);
        state.coordinator.cancel(LOGOFF);
        return report;
    }

    /** The caller's thread runs the listeners; a budget is never spent here. */
    static final class Here implements CallerRuns {
        static final CallerRuns.Armed ARMED = () -> { };

        @Override
        public Armed arm(Duration delay, Runnable due) {
            return ARMED;
        }

        @Override
        public void elsewhere(Runnable rest) {
            throw new IllegalStateException("no listener overruns in this benchmark");
        }
    }

    static final CallerRuns HERE = new Here();

    @Benchmark
    public QueryReport queryHere(Shared state) {
        return state.coordinator.query(LOGOFF, Instant.now().plusSeconds(30), false, HERE, null);
    }

    @Benchmark
    public QueryReport queryThenCancelHere(Shared state) {
        QueryReport report = state.coordinator.query(LOGOFF, Instant.now().plusSeconds(30), false, HERE, null);
        state.coordinator.cancel(LOGOFF, HERE, null);
        return report;
    }

    @Benchmark
    public EndReport end(Fresh state) {
        return state.coordinator.end(LOGOFF, Instant.now().plusSeconds(30));
    }

    @Benchmark
    public int baselineHandoffs(Shared state) throws Exception {
        int answered = 0;
        for (int i = 0; i < LISTENERS; i++) {
            Future<Vote> call = state.pool.submit(() -> Vote.allow());
            answered += call.get(5, TimeUnit.SECONDS) == null ? 0 : 1;
        }
        return answered;
    }
}
