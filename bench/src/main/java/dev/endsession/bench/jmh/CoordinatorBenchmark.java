package dev.endsession.bench.jmh;

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
 * <li>{@code query}: one query (every listener asked at once, each on a worker within its budget). A
 * coordinator can be queried again and again, so one serves every invocation.</li>
 * <li>{@code queryThenCancel}: a query and the cancellation that follows a veto elsewhere.</li>
 * <li>{@code end}: the cleanups. They run once per coordinator, so every invocation gets a fresh one,
 * made (with its 10 listeners) in an untimed per-invocation setup.</li>
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
            coordinator.close();
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
            coordinator.close();
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
