package dev.endsession.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.ExitingApp;
import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.SecondRecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import dev.endsession.api.EndSessionListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent in real JVMs: plugins found, bad options survived, cleanups run once at JVM exit. */
class AgentIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    Path record() {
        return dir.resolve("record.txt");
    }

    String recordOption() {
        return "-D" + RecordingListener.RECORD + "=" + record();
    }

    List<String> recorded(String event, long pid) {
        return RecordingListener.lines(record()).stream().filter(l -> l.startsWith(event + " " + pid + " ")).toList();
    }

    @Test
    void sigtermRunsEachPluginsCleanupExactlyOnceInReverseOrder() {
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=none").jvmOptions(recordOption())
                .listener(RecordingListener.class).listener(SecondRecordingListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            app.terminate();
            app.awaitExit(WAIT);
            List<String> ends = recorded("end", app.pid());
            List<String> ends2 = recorded("end2", app.pid());
            assertEquals(1, ends.size(), app.describe());
            assertEquals(1, ends2.size(), app.describe());
            assertTrue(ends.get(0).endsWith("[JVM_EXIT]"), ends.get(0));
            List<String> all = RecordingListener.lines(record());
            assertTrue(all.indexOf(ends2.get(0)) < all.indexOf(ends.get(0)), "order 5 cleans up before order 0: " + all);
        }
    }

    @Test
    void systemExitRunsTheCleanupExactlyOnce() throws IOException {
        try (TestJvm app = TestJvm.main(ExitingApp.class).agentOptions("bridge=none").jvmOptions(recordOption())
                .listener(RecordingListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            try (OutputStream in = app.process().getOutputStream()) {
                in.write('\n');
            }
            assertEquals(0, app.awaitExit(WAIT));
            assertEquals(1, recorded("end", app.pid()).size(), app.describe());
        }
    }

    @Test
    void aPluginInThePluginsDirectoryIsFound() throws IOException {
        Path appDir = copyClasses(dir.resolve("app"), WaitingApp.class);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        writePluginJar(plugins.resolve("recording-plugin.jar"), RecordingListener.class);
        try (TestJvm app = TestJvm.main(WaitingApp.class).classPathOnly(appDir)
                .agentOptions("bridge=none,plugins=" + plugins).jvmOptions(recordOption()).start(dir)) {
            app.awaitLine("ready", WAIT);
            app.terminate();
            app.awaitExit(WAIT);
            assertEquals(1, recorded("end", app.pid()).size(), app.describe());
        }
    }

    @Test
    void aBadOptionPrintsOneErrorLineAndTheAppRuns() {
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=none,colour=blue").jvmOptions(recordOption())
                .listener(RecordingListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            List<String> errors = app.stderr().lines().filter(l -> l.contains("endsession")).toList();
            assertEquals(1, errors.size(), app.describe());
            assertTrue(errors.get(0).contains("unknown option 'colour'"), errors.get(0));
            app.terminate();
            app.awaitExit(WAIT);
            assertEquals(1, recorded("end", app.pid()).size(), "the agent still works: " + app.describe());
        }
    }

    @Test
    void aPluginThatFailsToLoadIsSkippedAndTheOthersWork() {
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=none").jvmOptions(recordOption())
                .listenerNamed("com.example.NoSuchPlugin").listener(RecordingListener.class).start(dir)) {
            app.awaitLine("ready", WAIT);
            assertTrue(app.stderr().contains("com.example.NoSuchPlugin"), app.describe());
            app.terminate();
            app.awaitExit(WAIT);
            assertEquals(1, recorded("end", app.pid()).size(), app.describe());
        }
    }

    /**
     * The agent starts beside the application; a JVM that is done before the agent has made its
     * listeners must neither wait for it nor complain. Repeated: the exit lands at different points
     * of the start. A listener that was made gets its cleanup, once; a bus socket bound as the JVM
     * exits is not left behind.
     */
    @ParameterizedTest(name = "bridge={0}, run {1}")
    @CsvSource({"none,1", "none,2", "none,3", "bus,1", "bus,2", "bus,3", "bus,4", "bus,5"})
    void aJvmThatEndsAtOnceEndsCleanly(String bridge, int run) throws IOException {
        Path bus = dir.resolve("bus");
        try (TestJvm app = TestJvm.main(EndsAtOnce.class).agentOptions("bridge=" + bridge).jvmOptions(recordOption())
                .env("ENDSESSION_BUS_DIR", bus.toString()).listener(RecordingListener.class).start(dir)) {
            assertEquals(0, app.awaitExit(WAIT), app.describe());
            assertEquals("bye", app.stdout().strip());
            assertEquals("", app.stderr(), "no error from the agent");
            assertTrue(recorded("end", app.pid()).size() <= 1, app.describe());
            if (Files.isDirectory(bus)) {
                try (var left = Files.walk(bus)) {
                    assertEquals(List.of(), left.filter(p -> p.toString().contains(app.pid() + ".")).toList(), "no socket left behind");
                }
            }
        }
    }

    /** An application whose main returns at once. */
    public static final class EndsAtOnce {
        public static void main(String[] args) {
            System.out.println("bye");
        }
    }

    @Test
    void theFacadeReachesTheAgentInsideTheApp() {
        try (TestJvm app = TestJvm.main(FacadeProbe.class).agentOptions("bridge=none").start(dir)) {
            assertEquals("agent true blockReasons []", app.awaitLine("^agent ", WAIT));
        }
    }

    /**
     * A class path that holds the agent's plain classes too (a project that depends on the agent
     * module): the boot classes come from there, and the agent still finds its jar by its inst/ folder.
     */
    @Test
    void theAgentStartsWhenItsPlainClassesAreOnTheClassPathToo() {
        try (TestJvm app = TestJvm.main(FacadeProbe.class).classPathFirst(Path.of("target", "classes"))
                .agentOptions("bridge=none").start(dir)) {
            assertEquals("agent true blockReasons []", app.awaitLine("^agent ", WAIT), app.describe());
        }
    }

    /** Calls the facade the way an application would. */
    public static final class FacadeProbe {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("agent " + dev.endsession.api.EndSession.isAgentPresent()
                    + " blockReasons " + dev.endsession.api.EndSession.blockReasons());
            System.out.flush();
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    /** Copies compiled test classes into a fresh class-path directory. */
    static Path copyClasses(Path target, Class<?>... classes) throws IOException {
        for (Class<?> type : classes) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path to = target.resolve(resource);
            Files.createDirectories(to.getParent());
            try (var in = type.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, to);
            }
        }
        return target;
    }

    /** Writes a plugin jar holding {@code listener} and its service entry. */
    static void writePluginJar(Path jar, Class<? extends EndSessionListener> listener) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type = listener; type != Object.class; type = type.getSuperclass()) {
                String resource = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(resource));
                try (var in = type.getClassLoader().getResourceAsStream(resource)) {
                    in.transferTo(out);
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + EndSessionListener.class.getName()));
            out.write((listener.getName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
