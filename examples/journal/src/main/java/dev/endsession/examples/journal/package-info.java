/**
 * A console app that appends records to a journal file and acknowledges each one once it is
 * written and flushed. It knows nothing of EndSession; its {@link dev.endsession.examples.journal.Journal}
 * class is its public API, which the journal plugin uses.
 */
package dev.endsession.examples.journal;
