package dev.endsession.bench.apps;

import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;

/**
 * The round benchmark's plugin: answers every query at once. It vetoes when the JVM was started
 * with {@code -Dbench.veto=REASON}, so a round can be repeated over the same JVMs (a veto cancels
 * the round and nothing is terminated).
 */
public final class AtOnceListener implements EndSessionListener {

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        String veto = System.getProperty("bench.veto");
        return veto == null ? Vote.allow() : Vote.veto(veto);
    }
}
