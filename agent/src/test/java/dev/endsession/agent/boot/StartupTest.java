package dev.endsession.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.EndSession;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's start beside the application, as the exit hook and the facade see it. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartupTest {

    private final Startup startup = new Startup();
    private final AtomicInteger cleanups = new AtomicInteger();
    private final Runnable cleanup = cleanups::incrementAndGet;

    @Nested
    class AnExitBeforeAnyListenerExists {
        @Test
        void abandonsTheStartWithoutWaitingOrCleaningUp() {
            startup.exit();
            assertTrue(startup.abandoned());
            assertFalse(startup.beginListeners(), "the agent is told to stop before making listeners");
            startup.ended();
            assertEquals(0, cleanups.get());
        }

        @Test
        void leavesTheFacadeWithAClearError() {
            startup.exit();
            startup.ended();
            IllegalStateException error = assertThrows(IllegalStateException.class, startup::awaitBackend);
            assertTrue(error.getMessage().contains("did not start"), error.getMessage());
        }
    }

    @Nested
    class AnExitOnceListenersAreBeingMade {
        @Test
        void waitsForTheStartThenRunsTheCleanupsOnce() throws Exception {
            assertTrue(startup.beginListeners());
            Thread exit = new Thread(startup::exit, "exit-hook");
            exit.start();
            awaitWaiting(exit);
            assertEquals(0, cleanups.get(), "no cleanup before the agent runs");
            startup.started(new RecordingBackend(), cleanup);
            exit.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(exit.isAlive());
            assertEquals(1, cleanups.get());
        }

        @Test
        void runsNothingWhenTheStartFailed() throws Exception {
            assertTrue(startup.beginListeners());
            startup.ended(); // failed before started()
            startup.exit();
            assertEquals(0, cleanups.get());
        }
    }

    @Test
    void aFacadeCallWaitsForTheStartAndReachesTheRunningAgent() throws Exception {
        CompletableFuture<EndSession.Backend> call = new CompletableFuture<>();
        Thread app = new Thread(() -> call.complete(startup.awaitBackend()), "app-main");
        app.start();
        awaitWaiting(app);
        RecordingBackend running = new RecordingBackend();
        startup.beginListeners();
        startup.started(running, cleanup);
        startup.ended();
        assertSame(running, call.get(10, TimeUnit.SECONDS));
        assertTrue(startup.awaitRunning());
    }

    /** A plugin's constructor runs on the start thread: a facade call there must not wait for itself. */
    @Test
    void theStartThreadItselfIsNeverMadeToWait() throws Exception {
        CompletableFuture<String> fromAPlugin = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            startup.beginListeners();
            try {
                startup.awaitBackend();
                fromAPlugin.complete("no error");
            } catch (IllegalStateException e) {
                fromAPlugin.complete(e.getMessage());
            }
        });
        startup.startsOn(starter);
        starter.start();
        String error = fromAPlugin.get(10, TimeUnit.SECONDS);
        assertTrue(error.contains("called during the agent's own start"), error);
    }

    /** A slow start (issue 12 item 3): the application's calls never wait and never throw. */
    @Nested
    class WhileTheAgentStarts {
        private final StartingBackend facade = new StartingBackend(startup);
        private final EndSessionListener listener = new EndSessionListener() { };
        private final RecordingBackend running = new RecordingBackend();

        @Test
        void aListenerRegisteredIsRegisteredWhenTheAgentRuns() {
            facade.register(listener);
            assertEquals(List.of(), running.registered);
            startup.beginListeners();
            startup.started(running, cleanup);
            assertEquals(List.of(listener), running.registered);
            facade.register(listener);
            assertEquals(List.of(listener, listener), running.registered, "from then on, straight to the agent");
        }

        @Test
        void oneRemovedBeforeTheAgentRunsNeverReachesIt() {
            facade.register(listener);
            assertTrue(facade.remove(listener));
            assertFalse(facade.remove(listener), "removed once");
            startup.beginListeners();
            startup.started(running, cleanup);
            assertEquals(List.of(), running.registered);
        }

        @Test
        void blockReasonsAreNoneYetWithoutWaiting() {
            assertEquals(List.of(), facade.blockReasons());
        }

        @Test
        void anExitWaitsForTheStartWhenTheApplicationRegisteredAListener() throws Exception {
            facade.register(listener);
            Thread exit = new Thread(startup::exit, "exit-hook");
            exit.start();
            awaitWaiting(exit);
            startup.beginListeners();
            startup.started(running, cleanup);
            exit.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(exit.isAlive());
            assertEquals(1, cleanups.get(), "the registered listener gets its cleanup");
        }

        @Test
        void aStartThatFailedDropsThemAndTheFacadeSaysTheAgentIsNotThere() {
            facade.register(listener);
            startup.beginListeners();
            startup.ended();
            assertFalse(facade.running());
            facade.register(listener); // still no exception
            assertEquals(List.of(), facade.blockReasons());
        }
    }

    /** A backend that keeps what was registered with it. */
    private static final class RecordingBackend implements EndSession.Backend {
        final List<EndSessionListener> registered = new java.util.ArrayList<>();

        @Override
        public void register(EndSessionListener listener) {
            registered.add(listener);
        }

        @Override
        public boolean remove(EndSessionListener listener) {
            return registered.remove(listener);
        }

        @Override
        public List<String> blockReasons() {
            return List.of();
        }

        @Override
        public boolean initiate(Reason reason, boolean force) {
            return false;
        }
    }

    @Test
    void anExitAfterTheStartRunsTheCleanups() {
        startup.beginListeners();
        startup.started(new RecordingBackend(), cleanup);
        startup.ended();
        startup.exit();
        assertEquals(1, cleanups.get());
    }

    @Nested
    class OnlyRulesStartTheAgentBeforeMain {
        @TempDir
        Path dir;

        @Test
        void inTheOptions() {
            assertTrue(Boot.mayNameRules("rules=/etc/app.rules"));
            assertTrue(Boot.mayNameRules("name=x, rules = a.rules"));
            assertFalse(Boot.mayNameRules("name=x,bridge=bus,plugins=/opt/rules"));
            assertFalse(Boot.mayNameRules(null));
        }

        @Test
        void inTheConfigFile() throws IOException {
            Path withRules = Files.writeString(dir.resolve("with.properties"), "name = notes\n rules = /etc/notes.rules\n");
            Path without = Files.writeString(dir.resolve("without.properties"), "name = notes\nplugins = /opt/rules\n");
            assertTrue(Boot.mayNameRules("config=" + withRules));
            assertFalse(Boot.mayNameRules("log=info,config=" + without));
        }

        @Test
        void orWhenTheConfigFileCannotBeRead() {
            assertTrue(Boot.mayNameRules("config=" + dir.resolve("missing.properties")));
        }
    }

    /** A bounded poll until {@code thread} waits (for the start, here); fails if it ends or runs on. */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(thread.isAlive() && System.nanoTime() < deadline, thread.getName() + " did not wait for the start");
            Thread.onSpinWait();
        }
    }
}
