package dev.endsession.examples.journalplugin;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.examples.journal.Journal;

/**
 * Closes the journal when the session ends (or the JVM exits): the last records are synced to the
 * disk and the file ends with its closing line, so no acknowledged record is lost and none is cut
 * in half, whatever kills the process afterwards. Never vetoes: the journal is always consistent.
 */
public final class JournalCloser implements EndSessionListener {

    @Override
    public void onEndSession(EndSessionEvent event) {
        Journal.current().ifPresent(journal -> {
            long records = journal.close();
            System.out.println("journal-plugin: closed " + journal.file().getFileName() + " after " + records
                    + " records (synced to disk) for " + event.reasons());
        });
    }

    @Override
    public String name() {
        return "journal";
    }
}
