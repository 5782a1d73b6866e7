package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks a {@link JournalApp}'s journal against what it acknowledged. */
final class Journals {

    private Journals() {
    }

    /** @return the highest {@code ack <n>} the app printed, 0 if none */
    static long lastAck(TestJvm app) {
        return app.stdoutLines().stream().filter(l -> l.matches("ack \\d+"))
                .mapToLong(l -> Long.parseLong(l.substring(4))).max().orElse(0);
    }

    /**
     * Asserts that the journal holds records 1..n in order, each whole, with n at least the last
     * acknowledged record, and that the cleanup closed it exactly once.
     *
     * @return the number of records in the journal
     */
    static long assertEveryAckedRecordOnDisk(TestJvm app, Path journal) {
        long acked = lastAck(app);
        List<String> records = lines(journal);
        String content = read(journal);
        assertTrue(content.isEmpty() || content.endsWith("\n"), "the journal ends with a whole record: " + journal);
        for (int i = 0; i < records.size(); i++) {
            assertTrue(records.get(i).startsWith("record " + (i + 1) + " "), "record " + (i + 1) + " in place: " + records.get(i));
        }
        assertTrue(records.size() >= acked, "acknowledged " + acked + " records, the journal has " + records.size()
                + "\n" + app.describe());
        long closes = app.stdoutLines().stream().filter(l -> l.startsWith("journal closed ")).count();
        assertEquals(1, closes, "the cleanup closed the journal exactly once\n" + app.describe());
        return records.size();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
