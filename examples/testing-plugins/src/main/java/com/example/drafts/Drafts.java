package com.example.drafts;

import java.util.ArrayList;
import java.util.List;

/** The example's application state: drafts that may be unsaved. Thread-safe. */
public final class Drafts {

    private final List<String> unsaved = new ArrayList<>();
    private final List<String> saved = new ArrayList<>();

    /** @param title a draft the user is editing */
    public synchronized void edit(String title) {
        unsaved.add(title);
    }

    /** @return how many drafts are unsaved */
    public synchronized int unsavedCount() {
        return unsaved.size();
    }

    /** Saves every unsaved draft. */
    public synchronized void saveAll() {
        saved.addAll(unsaved);
        unsaved.clear();
    }

    /** @return the titles saved so far */
    public synchronized List<String> saved() {
        return List.copyOf(saved);
    }
}
