package dev.endsession.agent.roundlog;

import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.ListenerAnswer;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.agent.core.RoundObserver;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The record of each round this JVM took part in, one line per phase: the query (its reasons, the
 * JVM's answer, each listener's answer and time), the end (the cleanups' time and outcome) or the
 * cancel. Always in the log file when there is one, else logged as info; the line's time says when.
 */
public final class RoundRecord implements RoundObserver {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.round");

    @Override
    public void queried(QueryReport report) {
        try {
            LOG.record("query {}: {}", report.reasons(), describe(report));
        } catch (RuntimeException e) {
            LOG.warn("The round record failed: {}", e.toString()); // never into the coordinator
        }
    }

    @Override
    public void ended(Set<Reason> reasons, EndReport report) {
        try {
            LOG.record("end {}: cleanups took {} ms; finished {}, failed {}, overran {}", reasons, report.took().toMillis(),
                    report.finished(), report.failed(), report.overran());
        } catch (RuntimeException e) {
            LOG.warn("The round record failed: {}", e.toString());
        }
    }

    @Override
    public void cancelled(Set<Reason> reasons) {
        LOG.record("cancelled {}", reasons);
    }

    /** @return e.g. {@code veto (Unsaved changes); listeners: notes veto 12 ms (Unsaved changes), clock ok 0 ms} */
    static String describe(QueryReport report) {
        String answer = report.vetoed() ? "veto " + report.blockReasons() : "ok";
        if (report.answers().isEmpty()) {
            return answer + "; no listener asked";
        }
        StringJoiner listeners = new StringJoiner(", ", answer + "; listeners: ", "");
        for (ListenerAnswer a : report.answers()) {
            String kind = a.kind().name().toLowerCase(Locale.ROOT);
            listeners.add(a.listener() + " " + kind + " " + a.took().toMillis() + " ms" + (a.reason().isEmpty() ? "" : " (" + a.reason() + ")"));
        }
        return listeners.toString();
    }
}
