package com.acme.notes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The app: prints {@code ready <pid>}, then runs one command per line of standard input and answers
 * each with {@code ok <n> <command>} (n counts the commands) or {@code error <n> <message>}:
 * <pre>
 * new TITLE          open a new, clean note
 * edit TITLE TEXT    change a note (it is dirty until saved)
 * save TITLE         save a note
 * drop TITLE         close a note without saving; nothing refers to it any more
 * gc                 collect garbage until every dropped note is gone: prints "collected N of M"
 * </pre>
 * Its shutdown hook takes {@code -Dnotes.hook.ms} milliseconds (0 by default), like a slow flush.
 */
public final class Notes {

    private static final Workspace WORKSPACE = new Workspace();
    private static final List<WeakReference<Note>> DROPPED = new ArrayList<>();

    private Notes() {
    }

    /** @return the one workspace of the app */
    public static Workspace workspace() {
        return WORKSPACE;
    }

    public static void main(String[] args) throws IOException {
        long hookMillis = Long.getLong("notes.hook.ms", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> pause(hookMillis), "notes-flush"));
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            try {
                run(line.strip().split(" ", 3));
                System.out.println("ok " + n + " " + line.strip());
            } catch (RuntimeException e) {
                System.out.println("error " + n + " " + e.getMessage());
            }
            System.out.flush();
        }
    }

    private static void run(String[] words) {
        switch (words[0]) {
            case "new" -> WORKSPACE.notes().add(new Note(words[1]));
            case "edit" -> WORKSPACE.find(words[1]).edit(words.length > 2 ? words[2] : "");
            case "save" -> WORKSPACE.find(words[1]).save();
            case "drop" -> {
                Note note = WORKSPACE.find(words[1]);
                WORKSPACE.notes().remove(note);
                DROPPED.add(new WeakReference<>(note));
            }
            case "gc" -> collect();
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }

    /** Collects until every dropped note is gone, for at most 10 s: one System.gc() may not be enough. */
    private static void collect() {
        long end = System.nanoTime() + 10_000_000_000L;
        long alive;
        do {
            System.gc();
            alive = DROPPED.stream().filter(r -> r.get() != null).count();
        } while (alive > 0 && System.nanoTime() < end);
        System.out.println("collected " + (DROPPED.size() - alive) + " of " + DROPPED.size());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // stands for slow work in a shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
