package dev.endsession.examples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal example: an app appending a record every millisecond, acknowledging each once it is
 * flushed, and its cleanup plugin. A forced logoff through the real CLI ends it in the middle of its
 * work; every acknowledged record must be in the file, the file must end cleanly.
 */
class JournalIT {

    private static final String MAIN = "dev.endsession.examples.journal.JournalApp";

    @TempDir
    Path dir;

    @Test
    void afterAForcedLogoffEveryAcknowledgedRecordIsInTheFile() throws Exception {
        Path bus = dir.resolve("bus");
        Path journal = dir.resolve("journal.txt");
        try (TestJvm app = Examples.app(MAIN, "name=journal,prompt=none", bus, "journal", "journal-plugin")
                .args(journal.toString(), "1").start(dir.resolve("jvm"))) {
            Examples.awaitOnBus(bus, app.awaitLine("^journal ready ", Examples.WAIT));
            app.awaitLine("^ack 200$", Examples.WAIT); // well into its work

            Examples.Run run = Examples.cli(bus, dir, "logoff", "--force");

            assertEquals(0, run.code(), run.out());
            assertTrue(run.out().contains("terminated journal (pid " + app.pid() + ")"), run.out());
            app.awaitExit(Examples.WAIT);
            List<Long> acked = app.stdoutLines().stream().filter(l -> l.startsWith("ack "))
                    .map(l -> Long.parseLong(l.substring(4))).toList();
            List<String> lines = Files.readAllLines(journal);
            Set<Long> inFile = lines.stream().filter(l -> !l.startsWith("#"))
                    .map(l -> Long.parseLong(l.substring(0, l.indexOf(' ')))).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(acked.size() >= 200, "acknowledged: " + acked.size());
            Set<Long> lost = new TreeSet<>(acked);
            lost.removeAll(inFile);
            assertEquals(Set.of(), lost, "acknowledged but not in the file");
            // The plugin closed it: every record whole, then the closing line, nothing after it.
            assertEquals("# closed after " + inFile.size() + " records", lines.get(lines.size() - 1));
            assertTrue(lines.subList(0, lines.size() - 1).stream().allMatch(l -> l.matches("\\d+ at \\S+")), "a torn record");
            assertTrue(app.stdout().contains("journal-plugin: closed journal.txt after " + inFile.size()
                    + " records (synced to disk) for [LOGOFF, FORCED]"), app.describe());
            assertFalse(app.process().isAlive());
        }
    }
}
