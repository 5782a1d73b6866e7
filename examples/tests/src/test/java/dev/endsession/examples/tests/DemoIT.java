package dev.endsession.examples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code ./demo}, run as a user would (without rebuilding: this is the build). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void theDemoShowsAVetoThenAForcedLogoffWithCleanupsAndExitsZeroWithinAMinute() throws Exception {
        Path out = dir.resolve("demo.out");
        ProcessBuilder demo = new ProcessBuilder("bash", Examples.repo().resolve("demo").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        demo.environment().put("ENDSESSION_DEMO_NO_BUILD", "1");
        demo.environment().put("TMPDIR", dir.toString());
        demo.environment().put("JAVA_HOME", System.getProperty("java.home"));
        demo.environment().remove("ENDSESSION_BUS_DIR");
        long start = System.nanoTime();

        Examples.Run run = Examples.run(demo, out);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String text = run.out();
        assertEquals(0, run.code(), text);
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "took " + took);
        assertInOrder(text,
                "\\d+ +notes +0x280 +idle",
                "veto +notes \\(pid \\d+\\) in \\d+ ms: Unsaved changes in notes.txt",
                "exit code 1",
                "\\$ endsession logoff --force",
                "terminated notes \\(pid \\d+\\)", // the round reports its apps in its order: level, then pid
                "terminated journal \\(pid \\d+\\)",
                "exit code 0",
                "notes \\| notes-plugin: saved notes.txt before the session ended",
                "journal \\| journal-plugin: closed journal.txt after \\d+ records \\(synced to disk\\) for \\[LOGOFF, FORCED\\]",
                "notes.txt on disk: \"Meeting notes: ship the demo.\"",
                "journal: \\d+ records acknowledged, (\\d+) in the file, 0 acknowledged but missing; last line: # closed after \\1 records",
                "Demo OK");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().startsWith("endsession-demo")).count(),
                    "the demo removes its temporary directory");
        }
    }

    /** Each pattern must match a line after the line the previous one matched. */
    private static void assertInOrder(String text, String... patterns) {
        String[] lines = text.split("\n");
        int at = 0;
        for (String regex : patterns) {
            Pattern pattern = Pattern.compile(regex);
            while (at < lines.length && !pattern.matcher(lines[at]).find()) {
                at++;
            }
            assertTrue(at < lines.length, "no line /" + regex + "/ (in this order) in:\n" + text);
            at++;
        }
    }
}
