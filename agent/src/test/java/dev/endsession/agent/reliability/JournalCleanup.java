package dev.endsession.agent.reliability;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;

/** The journal app's plugin: closes the journal at the end of the session (or of the JVM). */
public final class JournalCleanup implements EndSessionListener {

    @Override
    public void onEndSession(EndSessionEvent event) {
        JournalApp.close();
    }
}
