package dev.endsession.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.api.Reason;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * What the JMH benchmark assumes of the coordinator's insides, checked in every build: a full
 * {@code bench/run} is not, and it once failed only there when the worker pool moved.
 */
class CoordinatorBenchmarkTest {

    @Test
    void aBenchmarkCoordinatorAnswersAndItsWorkerPoolCanBeShutDown() {
        Coordinator coordinator = CoordinatorBenchmark.coordinator();
        assertFalse(coordinator.query(EnumSet.of(Reason.LOGOFF), Instant.now().plusSeconds(5), false).vetoed());
        assertEquals(CoordinatorBenchmark.LISTENERS, coordinator.listenerNames().size());
        CoordinatorBenchmark.shutDown(coordinator);
    }
}
