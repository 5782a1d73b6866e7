package dev.endsession.agent.core;

import dev.endsession.api.Prompt;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The prompt a listener sees during one query: at most one prompt on screen per JVM, never past
 * the round's deadline, and once the user chose to cancel, no further prompts in that round.
 */
final class RoundPrompt implements Prompt {

    /** Answer this long before the deadline so the vote still reaches the initiator in time. */
    static final Duration MARGIN = Duration.ofMillis(250);

    private final Prompt screen;
    private final Semaphore oneOnScreen;
    private final Instant deadline;
    private final boolean interactionAllowed;
    private volatile boolean userCancelled;
    private volatile boolean open;

    RoundPrompt(Prompt screen, Semaphore oneOnScreen, Instant deadline, boolean interactionAllowed) {
        this.screen = screen;
        this.oneOnScreen = oneOnScreen;
        this.deadline = deadline;
        this.interactionAllowed = interactionAllowed;
    }

    @Override
    public Answer ask(String question, Duration timeout, Answer ifNoAnswer) {
        if (userCancelled) {
            return Answer.CANCEL;
        }
        Duration left = Duration.between(Instant.now(), deadline.minus(MARGIN));
        Duration wait = timeout == null || timeout.compareTo(left) > 0 ? left : timeout;
        if (!interactionAllowed || wait.isNegative() || wait.isZero()) {
            return ifNoAnswer;
        }
        try {
            if (!oneOnScreen.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return ifNoAnswer;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ifNoAnswer;
        }
        try {
            if (userCancelled) {
                return Answer.CANCEL;
            }
            Duration remaining = Duration.between(Instant.now(), deadline.minus(MARGIN));
            Duration shown = remaining.compareTo(wait) < 0 ? remaining : wait;
            if (shown.isNegative() || shown.isZero()) {
                return ifNoAnswer;
            }
            open = true;
            Answer answer = screen.ask(question, shown, ifNoAnswer);
            if (answer == Answer.CANCEL) {
                userCancelled = true;
            }
            return answer == null ? ifNoAnswer : answer;
        } catch (RuntimeException e) {
            return ifNoAnswer;
        } finally {
            open = false;
            oneOnScreen.release();
        }
    }

    /** @return {@code true} while a prompt of this round is on screen */
    boolean isOpen() {
        return open;
    }
}
