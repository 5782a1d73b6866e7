package dev.endsession.examples.journal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An append-only file of numbered records, one per line: {@code <n> <text>}. {@link #append}
 * returns once the record is flushed to the operating system (it survives the process being
 * killed); {@link #close} also syncs it to the disk (it survives the machine going down) and ends
 * the file with {@code # closed after <n> records}. Thread-safe.
 *
 * <p>The journal the app opened is reachable through {@link #current()}: that is how a plugin
 * finds it.
 */
public final class Journal {

    private static volatile Journal current;

    private final Path file;
    private final FileChannel channel;
    private final Writer writer;
    private long written;
    private boolean closed;

    private Journal(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
    }

    /** Opens (or creates) the journal at {@code file} and makes it {@link #current()}. */
    public static Journal open(Path file) throws IOException {
        Journal journal = new Journal(file);
        current = journal;
        return journal;
    }

    /** @return the journal this app opened last, if any */
    public static Optional<Journal> current() {
        return Optional.ofNullable(current);
    }

    /** @return the journal's file */
    public Path file() {
        return file;
    }

    /**
     * Appends one record and flushes it.
     *
     * @return the record's number, counting from 1
     * @throws IllegalStateException once the journal is closed
     */
    public synchronized long append(String text) {
        if (closed) {
            throw new IllegalStateException("journal closed");
        }
        try {
            long number = written + 1;
            writer.write(number + " " + text.replace('\n', ' ') + "\n");
            writer.flush();
            written = number;
            return number;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the closing line, syncs the file to the disk and closes it. Later appends fail; a
     * second close does nothing.
     *
     * @return how many records the journal holds
     */
    public synchronized long close() {
        if (closed) {
            return written;
        }
        closed = true;
        try {
            writer.write("# closed after " + written + " records\n");
            writer.flush();
            channel.force(true);
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
