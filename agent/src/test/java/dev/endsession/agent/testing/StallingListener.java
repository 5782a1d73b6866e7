package dev.endsession.agent.testing;

import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;

/**
 * A plugin for test JVMs whose query does not answer: it blocks for the milliseconds in the system
 * property {@code endsession.test.stall}, or for ever when that is {@code forever} (a hung app).
 * Run the app with a generous {@code budget=} so the coordinator waits for it.
 */
public class StallingListener implements EndSessionListener {

    /** System property: how long to stall, in milliseconds, or {@code forever}. */
    public static final String STALL = "endsession.test.stall";

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        String stall = System.getProperty(STALL, "forever");
        try {
            if (stall.equals("forever")) {
                Thread.sleep(Long.MAX_VALUE);
            } else {
                Thread.sleep(Long.parseLong(stall)); // the behaviour under test: a listener that takes this long
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Vote.allow();
    }

    @Override
    public String name() {
        return "Stalling";
    }
}
