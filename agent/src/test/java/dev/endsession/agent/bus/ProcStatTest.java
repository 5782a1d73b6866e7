package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A process's state and start time from {@code /proc/<pid>/stat}; a zombie counts as gone. */
class ProcStatTest {

    @Test
    void aCommandNameWithSpacesAndParenthesesIsSkippedWhole() {
        String line = "4242 (a b) c)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10 "
                + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";
        assertEquals(new ProcStat('S', 987654), ProcStat.parse(line));
        assertNull(ProcStat.parse("garbage"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisProcessIsRunningAndKeepsItsStartTime() {
        ProcStat self = ProcStat.of(ProcessHandle.current().pid());
        assertFalse(self.exited());
        assertEquals(self.startTicks(), ProcStat.of(ProcessHandle.current().pid()).startTicks());
    }

    /** A zombie: the shell's child exits, and the shell, replaced by {@code sleep}, never reaps it. */
    @Test
    @EnabledOnOs(OS.LINUX)
    @Timeout(60)
    void aZombieIsGoneAtOnceThoughTheJdkCallsItAlive() throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & echo $!; exec sleep 600").start();
        try {
            long child = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().trim());
            ProcessHandle zombie = ProcessHandle.of(child).orElseThrow();
            assertTrue(Processes.awaitGone(zombie, Duration.ofSeconds(30)), "reported gone once it exited");
            assertEquals('Z', ProcStat.of(child).state(), "still a zombie: nobody reaped it");
            assertTrue(zombie.isAlive(), "which the JDK calls alive");
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
