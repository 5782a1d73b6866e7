package dev.endsession.examples.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * {@code journal FILE [MILLIS]}: appends a record every MILLIS (10 by default) and prints
 * {@code ack <n>} only after record n is written and flushed. When the journal is closed under it
 * (by the journal plugin, at the end of the session) it stops appending and waits to be ended.
 */
public final class JournalApp {

    private JournalApp() {
    }

    public static void main(String[] args) throws Exception {
        boolean valid = args.length == 1 || args.length == 2 && args[1].matches("\\d{1,6}");
        if (!valid) {
            System.err.println("usage: journal FILE [MILLIS]   (MILLIS: 0 to 999999, 10 by default)");
            System.exit(2);
        }
        long interval = args.length == 2 ? Long.parseLong(args[1]) : 10;
        Journal journal = Journal.open(Path.of(args[0]));
        System.out.println("journal ready " + ProcessHandle.current().pid() + ": appending to " + journal.file());
        while (true) {
            long number;
            try {
                number = journal.append("at " + Instant.now());
            } catch (IllegalStateException closed) {
                System.out.println("journal closed; no more records");
                new CountDownLatch(1).await();
                return;
            }
            System.out.println("ack " + number);
            Thread.sleep(interval);
        }
    }
}
