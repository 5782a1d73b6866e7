package dev.endsession.agent.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An app that appends records to a journal (the file in {@code args[0]}) and prints {@code ack <n>}
 * only once record {@code n} is written and forced to disk, like a database acknowledging a commit.
 * {@link JournalCleanup} closes the journal at the end of the session; the app then stops writing and
 * prints {@code journal closed <n>}. So: every acknowledged record must be in the file afterwards,
 * whatever ended the process.
 */
public final class JournalApp {

    private static final Object LOCK = new Object();
    private static FileChannel journal;
    private static boolean closed;
    private static long last;

    private JournalApp() {
    }

    public static void main(String[] args) throws Exception {
        journal = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        for (long n = 1; ; n++) {
            synchronized (LOCK) {
                if (closed) {
                    break;
                }
                ByteBuffer record = StandardCharsets.UTF_8.encode("record " + n + " " + "x".repeat(48) + "\n");
                while (record.hasRemaining()) {
                    journal.write(record);
                }
                journal.force(false);
                last = n;
            }
            System.out.println("ack " + n);
            System.out.flush();
            Thread.sleep(2); // pacing: a steady stream of commits, not a disk benchmark
        }
        new java.util.concurrent.CountDownLatch(1).await(); // closed: wait to be terminated
    }

    /** Stops the writer after its current record, forces and closes the journal. Idempotent. */
    static void close() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                journal.force(true);
                journal.close();
            } catch (IOException e) {
                System.out.println("journal close failed " + e);
            }
            System.out.println("journal closed " + last);
            System.out.flush();
        }
    }
}
