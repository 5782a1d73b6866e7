package dev.endsession.agent.core;

import dev.endsession.api.Prompt;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.Set;

/**
 * A prompt that words itself by the round's reasons ("Log off anyway", "Restart anyway"). The
 * coordinator calls {@link #forRound} once per query and shows listeners the prompt it returns, so
 * the {@link Prompt} API stays one method. Implementations must be thread-safe.
 */
public interface RoundAwarePrompt extends Prompt {

    /**
     * @param reasons why the session is ending in this round
     * @return the prompt to ask the user through during that round
     */
    Prompt forRound(Set<Reason> reasons);

    /** Asks without knowing the round's reasons, worded for a logoff. */
    @Override
    default Answer ask(String question, Duration timeout, Answer ifNoAnswer) {
        return forRound(Set.of(Reason.LOGOFF)).ask(question, timeout, ifNoAnswer);
    }
}
