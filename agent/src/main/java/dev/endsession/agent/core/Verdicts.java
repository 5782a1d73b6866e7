package dev.endsession.agent.core;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Vote;
import java.time.Duration;

/**
 * How a listener's answer to a query counts, as the policy says, and how a blocker is named: the
 * same whether the listener ran on a worker or on the caller's thread. A listener that threw or
 * overran is logged here, once.
 */
final class Verdicts {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.core");

    private final Policy policy;

    Verdicts(Policy policy) {
        this.policy = policy;
    }

    static ListenerAnswer voted(Listeners.Entry entry, Vote vote, Duration took) {
        if (vote != null && vote.isVeto()) {
            return new ListenerAnswer(entry.name(), ListenerAnswer.Kind.VETO, vote.reason().orElseThrow(), took);
        }
        return new ListenerAnswer(entry.name(), ListenerAnswer.Kind.OK, "", took);
    }

    ListenerAnswer failed(Listeners.Entry entry, Throwable failure, Duration took) {
        LOG.warn("Listener {} threw in onQueryEndSession; counted as {}: {}", entry.name(),
                policy.failedVetoes() ? "veto" : "allow", failure.toString());
        return new ListenerAnswer(entry.name(), ListenerAnswer.Kind.FAILED, String.valueOf(failure), took);
    }

    ListenerAnswer hung(Listeners.Entry entry, Duration budget, Duration took) {
        LOG.warn("Listener {} did not answer within {} ms; reported as hung, counted as {}", entry.name(),
                budget.toMillis(), policy.hungVetoes() ? "veto" : "allow");
        return new ListenerAnswer(entry.name(), ListenerAnswer.Kind.HUNG, "", took);
    }

    /** @return whether the answer blocks the end of the session */
    boolean vetoes(ListenerAnswer answer) {
        return switch (answer.kind()) {
            case VETO -> true;
            case FAILED -> policy.failedVetoes();
            case HUNG -> policy.hungVetoes();
            case OK -> false;
        };
    }

    /** @return the block reason the answer gives */
    String blockText(ListenerAnswer answer) {
        return switch (answer.kind()) {
            case VETO -> answer.reason();
            case FAILED -> answer.listener() + " failed";
            default -> answer.listener() + " is not responding";
        };
    }
}
