package dev.endsession.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.IsolationProbe;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application with its own, different versions of JNA, Byte Buddy and SLF4J sees its own
 * versions and keeps its own logging; the agent's libraries stay out of its sight.
 */
class IsolationIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    static Path lib(String prefix) throws IOException {
        Path libs = Path.of(System.getProperty("endsession.it.libs", "target/it-libs"));
        try (Stream<Path> files = Files.list(libs)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(prefix + "* not in " + libs + ": run `mvn verify`"));
        }
    }

    Map<String, String> probe(TestJvm app) {
        app.awaitLine("^ready", WAIT);
        return app.stdoutLines().stream().filter(l -> l.contains(" "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(' ')), l -> l.substring(l.indexOf(' ') + 1), (a, b) -> a));
    }

    TestJvm start(String... libPrefixes) throws IOException {
        List<Path> cp = new ArrayList<>();
        cp.add(AgentIT.copyClasses(dir.resolve("app"), IsolationProbe.class));
        for (String prefix : libPrefixes) {
            cp.add(lib(prefix));
        }
        return TestJvm.main(IsolationProbe.class).classPathOnly(cp.toArray(Path[]::new)).agentOptions("bridge=none,log=info").start(dir);
    }

    @Test
    void theAppSeesItsOwnLibrariesAndOnlyNopLoggingWithoutABinding() throws IOException {
        try (TestJvm app = start("jna-5.13.0", "byte-buddy-1.14.18", "slf4j-api-1.7.36")) {
            Map<String, String> seen = probe(app);
            assertTrue(seen.get("jna").contains("jna-5.13.0.jar"), seen.toString());
            assertTrue(seen.get("bytebuddy").contains("byte-buddy-1.14.18.jar"), seen.toString());
            assertTrue(seen.get("slf4j").contains("slf4j-api-1.7.36.jar"), seen.toString());
            assertEquals("org.slf4j.helpers.NOPLoggerFactory", seen.get("slf4j-binding"), app.describe());
            assertEquals("absent", seen.get("picocli"), "the agent's picocli is not on the app's class path");
            assertEquals("absent", seen.get("agent-core"), "the agent's own classes are not on the app's class path");
            assertTrue(seen.get("api").contains("endsession-agent.jar"), "the API is shared: " + seen);
            app.awaitErrorLine("\\[INFO\\] endsession - EndSession agent started", WAIT); // its own SLF4J, its own format
            assertTrue(!app.stdout().contains("app-log-line") && !app.stderr().contains("app-log-line"), "NOP logging stays silent");
        }
    }

    @Test
    void theAppKeepsItsOwnBindingAndLogFormat() throws IOException {
        try (TestJvm app = start("slf4j-api-1.7.36", "slf4j-simple-1.7.36")) {
            Map<String, String> seen = probe(app);
            assertEquals("org.slf4j.impl.SimpleLoggerFactory", seen.get("slf4j-binding"), app.describe());
            assertTrue(app.stderr().contains("INFO probe - app-log-line"), app.describe());
            app.awaitErrorLine("\\[INFO\\] endsession - EndSession agent started", WAIT);
            assertEquals("absent", seen.get("jna"));
        }
    }

    @Test
    void theAppWithoutAnyOfTheseLibrariesDoesNotSeeTheAgents() throws IOException {
        try (TestJvm app = start("byte-buddy-1.14.18")) {
            Map<String, String> seen = probe(app);
            assertEquals("absent", seen.get("jna"));
            assertEquals("absent", seen.get("slf4j"));
        }
    }
}
