package dev.endsession.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The report's logic on threads of the test's own, started the way {@code ApplicationShutdownHooks.runHooks()} starts them. */
class ShutdownHookReportTest {

    final IdentityHashMap<Thread, Thread> registered = new IdentityHashMap<>();

    Thread hook(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        registered.put(thread, thread);
        return thread;
    }

    /** What runHooks() does: take the key set once, then start every hook. */
    static List<Thread> runHooks(TimedHooks table) {
        List<Thread> hooks = new ArrayList<>(table.keySet());
        hooks.forEach(Thread::start);
        return hooks;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void eachHookIsReportedOnceItEndedAndTheAgentsOwnAreLeftOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        hook("slow-flush", () -> await(release));
        Thread quick = hook("quick", () -> { });
        hook("endsession-exit", () -> { });
        TimedHooks table = new TimedHooks(registered);
        assertEquals(Map.of(), ShutdownHookReport.report(table), "nothing before the JVM takes the hooks out");
        runHooks(table);
        CompletableFuture<Map<String, Long>> report = CompletableFuture.supplyAsync(() -> ShutdownHookReport.report(table));
        quick.join();
        release.countDown(); // only once the quick one is done: it cannot have taken longer
        Map<String, Long> took = report.get();
        assertEquals(2, took.size(), "the agent's own hooks are left out: " + took);
        long quickMs = took.entrySet().stream().filter(e -> e.getKey().startsWith("'quick'")).findFirst().orElseThrow().getValue();
        long slowMs = took.entrySet().stream().filter(e -> e.getKey().startsWith("'slow-flush'")).findFirst().orElseThrow().getValue();
        assertTrue(quickMs <= slowMs, took.toString());
    }

    @Test
    void aHookIsNamedWithItsRunnableWhereJavaLangIsOpenAndByNameAloneOtherwise() {
        Thread hook = new Thread(() -> { }, "flush");
        String expected = Thread.class.getModule().isOpen("java.lang", getClass().getModule())
                ? "'flush' (" + getClass().getName() + " lambda)" : "'flush'";
        assertEquals(expected, ShutdownHookReport.describe(hook));
    }

    @Test
    void aHookNotStartedYetIsWaitedForNotTakenAsEnded() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread late = hook("late", ran::countDown);
        TimedHooks table = new TimedHooks(registered);
        table.keySet(); // taken out, but not started yet: the report's hook may start before the others
        CompletableFuture<Map<String, Long>> report = CompletableFuture.supplyAsync(() -> ShutdownHookReport.report(table));
        late.start();
        assertEquals(List.of("late"), report.get().keySet().stream().map(n -> n.substring(1, n.indexOf('\'', 1))).toList());
        assertEquals(0, ran.getCount(), "reported only after it ran");
    }

    @Test
    void aThreadSubclassIsNamedByItsClass() {
        Thread custom = new Thread("custom") {
        };
        assertEquals("'custom' (" + custom.getClass().getName() + ")", ShutdownHookReport.describe(custom));
    }
}
