package dev.endsession.agent.linux;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.api.EndSessionEvent;

/**
 * A recording listener whose cleanup takes the milliseconds in the system property
 * {@code endsession.test.cleanup} (or for ever: {@code forever}), then records {@code cleaned}.
 */
public class SlowCleanupListener extends RecordingListener {

    /** System property: how long the cleanup takes, in milliseconds, or {@code forever}. */
    public static final String CLEANUP = "endsession.test.cleanup";

    @Override
    public void onEndSession(EndSessionEvent event) {
        super.onEndSession(event);
        String took = System.getProperty(CLEANUP, "0");
        try {
            Thread.sleep(took.equals("forever") ? Long.MAX_VALUE : Long.parseLong(took)); // the behaviour under test: a slow cleanup
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        record("cleaned", event.reasons().toString());
    }

    @Override
    public String name() {
        return "SlowCleanup";
    }
}
