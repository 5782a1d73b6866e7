package dev.endsession.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plugins=}, {@code rules=} and {@code config=} that another user could have written (issue
 * 12 item 6): refused in one line each, and the application runs on without them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UntrustedPathsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    Path record() {
        return dir.resolve("record.txt");
    }

    Path worldWritable(Path path) throws IOException {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    List<String> endsessionLines(TestJvm app) {
        return app.stderr().lines().filter(l -> l.contains("endsession")).toList();
    }

    @Test
    void aJarInAWorldWritablePluginsDirectoryDoesNotRun() throws IOException {
        Path appDir = AgentIT.copyClasses(dir.resolve("app"), WaitingApp.class);
        Path plugins = worldWritable(Files.createDirectories(dir.resolve("plugins")));
        AgentIT.writePluginJar(plugins.resolve("dropped.jar"), RecordingListener.class);
        try (TestJvm app = TestJvm.main(WaitingApp.class).classPathOnly(appDir).agentOptions("bridge=none,plugins=" + plugins)
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record()).start(dir)) {
            app.awaitLine("ready", WAIT);
            List<String> errors = endsessionLines(app);
            assertEquals(1, errors.size(), app.describe());
            assertTrue(errors.get(0).contains("plugins=" + plugins + " is not trusted: " + plugins
                    + " is writable by group or others (rwxrwxrwx); no plugins loaded from it"), errors.get(0));
            app.terminate();
            app.awaitExit(WAIT);
            assertTrue(RecordingListener.lines(record()).isEmpty(), "the dropped plugin ran: " + app.describe());
        }
    }

    @Test
    void aGroupWritableJarInAGoodDirectoryIsSkippedAndTheOthersRun() throws IOException {
        Path appDir = AgentIT.copyClasses(dir.resolve("app"), WaitingApp.class);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        AgentIT.writePluginJar(plugins.resolve("good.jar"), RecordingListener.class);
        Path bad = plugins.resolve("open.jar");
        AgentIT.writePluginJar(bad, dev.endsession.agent.testing.SecondRecordingListener.class);
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (TestJvm app = TestJvm.main(WaitingApp.class).classPathOnly(appDir).agentOptions("bridge=none,plugins=" + plugins)
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record()).start(dir)) {
            app.awaitLine("ready", WAIT);
            List<String> errors = endsessionLines(app);
            assertEquals(1, errors.size(), app.describe());
            assertTrue(errors.get(0).contains("plugin jar " + bad + " is not trusted: " + bad
                    + " is writable by group or others (rw-rw-rw-); it is skipped"), errors.get(0));
            app.terminate();
            app.awaitExit(WAIT);
            List<String> lines = RecordingListener.lines(record());
            assertEquals(1, lines.stream().filter(l -> l.startsWith("end ")).count(), app.describe());
            assertEquals(0, lines.stream().filter(l -> l.startsWith("end2 ")).count(), app.describe());
        }
    }

    @Test
    void aRulesFileInAWorldWritableDirectoryIsNotApplied() throws IOException {
        Path open = worldWritable(Files.createDirectories(dir.resolve("open")));
        Path rules = Files.writeString(open.resolve("app.rules"), "[r]\ntrack = dev.endsession.agent.testing.WaitingApp\ncleanup = toString\n");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=none,rules=" + rules).start(dir)) {
            app.awaitLine("ready", WAIT);
            List<String> errors = endsessionLines(app);
            assertEquals(1, errors.size(), app.describe());
            assertTrue(errors.get(0).contains("rules=" + rules + " is not trusted: " + rules + " is inside " + open
                    + ", which others can write to (rwxrwxrwx) and which is not a sticky directory owned by root; no rules applied"),
                    errors.get(0));
        }
    }

    @Test
    void aWorldWritableConfigFileIsIgnoredAndTheCommandLineStillApplies() throws IOException {
        Path config = Files.writeString(dir.resolve("agent.properties"), "name=FromConfig\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("bridge=none,log=info,config=" + config).start(dir)) {
            app.awaitLine("ready", WAIT);
            app.awaitErrorLine("EndSession agent started", WAIT);
            List<String> errors = app.stderr().lines().filter(l -> l.contains("config file")).toList();
            assertEquals(List.of("endsession: config file " + config + " is not trusted: " + config
                    + " is writable by group or others (rw-rw-rw-); ignored"), errors, app.describe());
            assertTrue(app.stderr().contains("started as 'WaitingApp'"), "the file's name= was not used: " + app.describe());
        }
    }
}
