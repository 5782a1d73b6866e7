package dev.endsession.agent.core;

import dev.endsession.api.Prompt;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the coordinator treats listeners that misbehave, and how it asks the user.
 *
 * @param listenerBudget how long one listener may take to answer a query or a cancellation
 * @param failedVetoes {@code true} if a listener that throws in a query counts as a veto (default: allow)
 * @param hungVetoes {@code true} if a listener that overruns its budget counts as a veto (default: allow)
 * @param prompt the screen or console the user is asked on; {@link Prompts#NONE} answers the default
 */
public record Policy(Duration listenerBudget, boolean failedVetoes, boolean hungVetoes, Prompt prompt) {

    /** One second per listener: Windows gives the whole app five before it shows it as blocking. */
    public static final Duration DEFAULT_LISTENER_BUDGET = Duration.ofSeconds(1);

    public Policy {
        Objects.requireNonNull(listenerBudget, "listenerBudget");
        Objects.requireNonNull(prompt, "prompt");
        if (listenerBudget.isNegative() || listenerBudget.isZero()) {
            throw new IllegalArgumentException("listener budget must be positive: " + listenerBudget);
        }
    }

    /** @return the defaults: one second per listener, failures and hangs count as allow, no prompt */
    public static Policy defaults() {
        return new Policy(DEFAULT_LISTENER_BUDGET, false, false, Prompts.NONE);
    }

    /** @param value the prompt to use @return a copy using it */
    public Policy withPrompt(Prompt value) {
        return new Policy(listenerBudget, failedVetoes, hungVetoes, value);
    }

    /** @param value the budget per listener @return a copy using it */
    public Policy withListenerBudget(Duration value) {
        return new Policy(value, failedVetoes, hungVetoes, prompt);
    }

    /** @param failed whether failures veto @param hung whether hangs veto @return a copy using them */
    public Policy withMisbehaviourVetoes(boolean failed, boolean hung) {
        return new Policy(listenerBudget, failed, hung, prompt);
    }

    /**
     * A service survives a user's logoff: the end of the session is no end for it unless the machine also shuts down
     * (as HotSpot's console handler ignores {@code CTRL_LOGOFF_EVENT} in a service).
     *
     * @param service whether the process runs as a service
     * @param reasons why the session ends
     * @return {@code true} if the process carries on
     */
    public static boolean serviceCarriesOn(boolean service, Set<Reason> reasons) {
        return service && reasons.contains(Reason.LOGOFF) && !reasons.contains(Reason.SHUTDOWN);
    }
}
