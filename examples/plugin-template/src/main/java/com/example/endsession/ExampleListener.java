package com.example.endsession;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A template: keeps the session while a lock file exists (the system property
 * {@code example.lock}, standing for "work in progress" in your app), asks the user first, and
 * removes the lock when the session ends. Replace the lock file with your app's own state.
 *
 * <p>Registered through {@code META-INF/services/dev.endsession.api.EndSessionListener}. The agent
 * calls each method on its own worker thread, within a time budget: answer queries fast.
 */
public final class ExampleListener implements EndSessionListener {

    /** The system property naming the lock file. */
    public static final String LOCK = "example.lock";

    /** Phase 1: may the session end? Veto with a reason the user will read. */
    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        Path lock = lock();
        if (lock == null || !Files.exists(lock)) {
            return Vote.allow();
        }
        // The prompt answers CANCEL by itself if nobody is there or time runs out.
        Answer answer = query.prompt().ask("Work is in progress (" + lock.getFileName() + ").",
                Duration.ofSeconds(20), Answer.CANCEL);
        return answer == Answer.CONTINUE ? Vote.allow() : Vote.veto("Work in progress: " + lock.getFileName());
    }

    /** Phase 2: the session ends. Clean up before {@code event.deadline()}; this runs once per JVM. */
    @Override
    public void onEndSession(EndSessionEvent event) {
        Path lock = lock();
        if (lock != null) {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // logged by the agent and reported as failed
            }
        }
    }

    /** Someone vetoed: the session goes on. Resume whatever the query paused. */
    @Override
    public void onEndSessionCancelled(EndSessionEvent event) {
    }

    /** Lower is asked first; cleanups run highest first. */
    @Override
    public int order() {
        return 0;
    }

    /** The name shown in logs and in the initiator's report. */
    @Override
    public String name() {
        return "example";
    }

    private static Path lock() {
        String value = System.getProperty(LOCK);
        return value == null ? null : Path.of(value);
    }
}
