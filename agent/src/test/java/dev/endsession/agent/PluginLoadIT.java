package dev.endsession.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import dev.endsession.api.EndSessionListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that fail to load (issue 16 item 6): one ERROR line each, at the default log level,
 * naming the jar, the class and the cause; the good plugin beside them still works.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PluginLoadIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void eachBrokenPluginIsOneErrorLineWithJarClassAndCause() throws IOException {
        Path appDir = AgentIT.copyClasses(dir.resolve("app"), WaitingApp.class);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path corrupt = Files.write(plugins.resolve("corrupt.jar"), "not a zip at all".getBytes());
        Path throwing = plugins.resolve("throwing.jar");
        AgentIT.writePluginJar(throwing, ThrowsInConstructor.class);
        Path missing = plugins.resolve("missing.jar");
        AgentIT.writePluginJar(missing, RecordingListener.class);
        try (var fs = java.nio.file.FileSystems.newFileSystem(missing)) {
            Files.writeString(fs.getPath("META-INF/services/" + EndSessionListener.class.getName()), "com.example.Gone\n");
        }
        AgentIT.writePluginJar(plugins.resolve("good.jar"), RecordingListener.class);
        Path record = dir.resolve("record.txt");
        try (TestJvm app = TestJvm.main(WaitingApp.class).classPathOnly(appDir).agentOptions("bridge=none,plugins=" + plugins)
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record).start(dir)) {
            app.awaitLine("ready", WAIT);
            List<String> errors = app.stderr().lines().filter(l -> l.contains("endsession")).toList();
            assertEquals(List.of(
                    "[ERROR] endsession.plugins - plugin jar " + corrupt + " cannot be read (java.util.zip.ZipException: "
                            + "zip END header not found); it is skipped",
                    "[ERROR] endsession.plugins - Plugin com.example.Gone in " + missing + " failed to load and is skipped: "
                            + "no such class in it or on the class path",
                    "[ERROR] endsession.plugins - Plugin " + ThrowsInConstructor.class.getName() + " in " + throwing
                            + " failed to load and is skipped: its constructor threw java.lang.IllegalStateException: no licence"),
                    errors, app.describe());
            app.terminate();
            app.awaitExit(WAIT);
            assertEquals(1, RecordingListener.lines(record).stream().filter(l -> l.startsWith("end ")).count(), app.describe());
        }
    }

    /** A plugin whose constructor throws. */
    public static final class ThrowsInConstructor implements EndSessionListener {
        public ThrowsInConstructor() {
            throw new IllegalStateException("no licence");
        }
    }
}
