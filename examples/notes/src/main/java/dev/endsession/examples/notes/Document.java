package dev.endsession.examples.notes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The text being edited, the file it belongs to, and whether it has changes not yet saved.
 * Thread-safe: the window edits it on the event thread, JMX callers save it from theirs.
 */
public final class Document {

    private final Path file;
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();
    private String text;
    private boolean modified;

    /** @param file the file to edit; its text is loaded if it exists */
    public Document(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        this.text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** @return the file's name, e.g. {@code notes.txt} */
    public String name() {
        return file.getFileName().toString();
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the current text */
    public synchronized String text() {
        return text;
    }

    /** @return {@code true} if the text has changes that are not saved */
    public synchronized boolean isModified() {
        return modified;
    }

    /** @param value the new text, as edited */
    public void setText(String value) {
        synchronized (this) {
            if (value.equals(text)) {
                return;
            }
            text = value;
            modified = true;
        }
        changed();
    }

    /** @param typed text added at the end, as if typed */
    public void type(String typed) {
        setText(text() + typed);
    }

    /** Writes the text to the file (through a temporary file, so a crash never leaves half a file). */
    public void save() throws IOException {
        synchronized (this) {
            Path temp = file.resolveSibling(file.getFileName() + ".saving");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            modified = false;
        }
        changed();
    }

    /** @param listener called after every change of text or of the modified flag, on the changing thread */
    public void onChange(Runnable listener) {
        onChange.add(listener);
    }

    private void changed() {
        onChange.forEach(Runnable::run);
    }
}
