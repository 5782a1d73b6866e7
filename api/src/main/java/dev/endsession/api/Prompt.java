package dev.endsession.api;

import java.time.Duration;

/**
 * Asks the user whether the session may end. Obtained from {@link QueryEndSession#prompt()}; the
 * agent shows a Swing dialog, a console prompt, or nothing (answering the default), and makes sure
 * at most one prompt is on screen at a time and that it answers before the round's deadline.
 */
public interface Prompt {

    /** The user's choice. */
    enum Answer {
        /** Let the session end. */
        CONTINUE,
        /** Keep the session: veto. */
        CANCEL
    }

    /**
     * Shows {@code question} and waits for the user, at most {@code timeout} (and never past the
     * round's deadline).
     *
     * @param question what to ask, e.g. "Save changes to notes.txt?"
     * @param timeout how long to wait before answering {@code ifNoAnswer}
     * @param ifNoAnswer the answer when the user does not choose in time or no prompt can be shown
     * @return the user's answer, or {@code ifNoAnswer}
     */
    Answer ask(String question, Duration timeout, Answer ifNoAnswer);
}
