package com.example.recorder;

/** A sound recorder's state: what it records, and what it saved. Thread-safe. */
public final class Recorder {

    private String recording;
    private String saved;

    /** @param take starts recording it */
    public synchronized void start(String take) {
        recording = take;
    }

    /** @return the take being recorded, or {@code null} */
    public synchronized String recording() {
        return recording;
    }

    /** Stops and keeps what was recorded. */
    public synchronized void stopAndSave() {
        if (recording != null) {
            saved = recording;
            recording = null;
        }
    }

    /** @return the last take saved, or {@code null} */
    public synchronized String saved() {
        return saved;
    }
}
