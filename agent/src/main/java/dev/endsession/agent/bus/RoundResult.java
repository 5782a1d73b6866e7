package dev.endsession.agent.bus;

import dev.endsession.api.Reason;
import java.util.List;
import java.util.Set;

/**
 * How a round ended (contract: the CLI's JSON object).
 *
 * @param ended {@code true} if the session ended, {@code false} if it was cancelled
 * @param options how the round ran
 * @param apps every app's outcome, in the order they were asked
 */
public record RoundResult(boolean ended, RoundOptions options, List<AppOutcome> apps) {

    public RoundResult {
        apps = List.copyOf(apps);
    }

    /** @return the reasons the apps were told */
    public Set<Reason> reasons() {
        return options.reasons();
    }

    /** @return the apps that blocked the end: vetoed, or hung without {@code --force-if-hung} */
    public List<AppOutcome> blockers() {
        return apps.stream().filter(a -> a.answer() == AppOutcome.Answer.VETO
                || (a.answer() == AppOutcome.Answer.HUNG && !options.forceIfHung())).toList();
    }
}
