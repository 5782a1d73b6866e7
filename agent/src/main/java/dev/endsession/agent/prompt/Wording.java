package dev.endsession.agent.prompt;

import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.Set;

/**
 * The words a prompt shows for one round: the title, the two choices named by what ending means
 * ("Log off anyway" or "Cancel"), and the countdown to the automatic answer. Shared by the Swing
 * and console prompts so both say the same thing.
 *
 * @param appName the application's name (the agent's {@code name} option)
 * @param action what ending the session does, as a verb: "Log off", "Shut down", "Restart", "Close"
 */
public record Wording(String appName, String action) {

    /**
     * @param appName the application's name
     * @param reasons the round's reasons; the strongest one names the action
     * @return the wording for that round
     */
    public static Wording of(String appName, Set<Reason> reasons) {
        String action;
        if (reasons.contains(Reason.RESTART)) {
            action = "Restart";
        } else if (reasons.contains(Reason.SHUTDOWN)) {
            action = "Shut down";
        } else if (reasons.contains(Reason.LOGOFF)) {
            action = "Log off";
        } else if (reasons.contains(Reason.CLOSE_APP) || reasons.contains(Reason.CONSOLE_CLOSE)) {
            action = "Close";
        } else {
            action = "Exit";
        }
        return new Wording(appName == null || appName.isBlank() ? "java" : appName.strip(), action);
    }

    /** @return the window title, e.g. "notes: Log off?" */
    public String title() {
        return appName + ": " + action + "?";
    }

    /** @return the label of the choice that lets the session end, e.g. "Log off anyway" */
    public String continueLabel() {
        return action + " anyway";
    }

    /** @return the label of the choice that keeps the session */
    public String cancelLabel() {
        return "Cancel";
    }

    /** @param answer a choice @return its label */
    public String label(Answer answer) {
        return answer == Answer.CONTINUE ? continueLabel() : cancelLabel();
    }

    /**
     * @param left time until the automatic answer
     * @param ifNoAnswer the automatic answer
     * @return e.g. "Answering “Cancel” in 9 s"
     */
    public String countdown(Duration left, Answer ifNoAnswer) {
        return "Answering \u201c" + label(ifNoAnswer) + "\u201d in " + secondsShown(left) + " s";
    }

    /** @return whole seconds left, rounded up so "0 s" shows only once time is up */
    static long secondsShown(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        long millis = left.toMillis();
        return (millis + 999) / 1000;
    }
}
