package com.acme.notes;

/** A note with a title and a text, dirty from an edit until it is saved. Not thread-safe beyond its own fields. */
public class Note {

    private final String title;
    private volatile String text = "";
    private volatile boolean dirty;

    public Note(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public boolean isDirty() {
        return dirty;
    }

    /** @param newText replaces the text; the note is dirty until saved */
    public void edit(String newText) {
        text = newText;
        dirty = true;
    }

    /** Saves the note (here: says so on standard output) and makes it clean. */
    public void save() {
        System.out.println("saved " + title + " (" + text.length() + " chars)");
        System.out.flush();
        dirty = false;
    }
}
