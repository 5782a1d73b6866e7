package dev.endsession.agent.testing;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A plugin for test JVMs that appends one line per call to the file named by the system property
 * {@code endsession.test.record}: {@code <event> <pid> <epochMillis> <reasons>}, e.g.
 * {@code query 4242 1732480000000 [LOGOFF]}. It vetoes with the text of the system property
 * {@code endsession.test.veto} when that is set.
 */
public class RecordingListener implements EndSessionListener {

    /** System property: the file to record to. */
    public static final String RECORD = "endsession.test.record";
    /** System property: veto every query with this reason. */
    public static final String VETO = "endsession.test.veto";

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        record("query", query.reasons().toString());
        String veto = System.getProperty(VETO);
        return veto == null ? Vote.allow() : Vote.veto(veto);
    }

    @Override
    public void onEndSession(EndSessionEvent event) {
        record("end", event.reasons().toString());
    }

    @Override
    public void onEndSessionCancelled(EndSessionEvent event) {
        record("cancelled", event.reasons().toString());
    }

    /** Appends one line; synchronized writes of whole lines so concurrent JVMs may share a file. */
    protected static void record(String event, String detail) {
        String file = System.getProperty(RECORD);
        if (file == null) {
            return;
        }
        String line = event + " " + ProcessHandle.current().pid() + " " + System.currentTimeMillis() + " " + detail + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the recorded lines of {@code file}, empty if it does not exist */
    public static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
