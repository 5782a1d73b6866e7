package dev.endsession.agent.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A real JVM with the real agent jar, off Windows: no JNA class is ever loaded, and bridge=windows says why it cannot run. */
@DisabledOnOs(OS.WINDOWS)
class WindowsBridgeOffWindowsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private String classesLoaded(String options) throws Exception {
        Path log = dir.resolve("classes.txt");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions(options)
                .jvmOptions("-Xlog:class+load=info:file=" + log).start(dir)) {
            app.awaitLine("ready", WAIT);
            String loaded = Files.readString(log);
            assertTrue(loaded.contains("dev.endsession.agent.Agent "), "the agent ran: " + app.describe());
            return loaded + "\n" + app.stderr();
        }
    }

    @Test
    void bridgeAutoLoadsNoJnaAndNotTheWindowsBridge() throws Exception {
        String loaded = classesLoaded("bridge=auto");

        assertFalse(loaded.contains("com.sun.jna"), "JNA was loaded");
        assertFalse(loaded.contains("dev.endsession.agent.windows."), "the Windows bridge was loaded");
    }

    @Test
    void bridgeWindowsSaysItNeedsWindowsAndTheAppRunsWithoutJna() throws Exception {
        String loaded = classesLoaded("bridge=windows");

        assertTrue(loaded.contains("bridge=windows works only on Windows"), loaded.lines().filter(l -> !l.startsWith("[")).toList().toString());
        assertFalse(loaded.contains("com.sun.jna"), "JNA was loaded");
    }
}
