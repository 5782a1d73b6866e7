package com.acme.notes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The open notes. Thread-safe. */
public class Workspace {

    private final List<Note> notes = new CopyOnWriteArrayList<>();

    public List<Note> notes() {
        return notes;
    }

    public boolean hasUnsavedChanges() {
        return notes.stream().anyMatch(Note::isDirty);
    }

    public int unsavedCount() {
        return (int) notes.stream().filter(Note::isDirty).count();
    }

    public void saveAll() {
        notes.stream().filter(Note::isDirty).forEach(Note::save);
    }

    Note find(String title) {
        return notes.stream().filter(n -> n.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no note " + title));
    }
}
