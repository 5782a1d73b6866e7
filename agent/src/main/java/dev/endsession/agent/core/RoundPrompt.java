package dev.endsession.agent.core;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Prompt;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The prompt a listener sees during one query: at most one prompt on screen per JVM, never past
 * the round's deadline, and once the user chose to cancel, no further prompts in that round.
 */
final class RoundPrompt implements Prompt {

    /** Answer this long before the deadline so the vote still reaches the initiator in time. */
    static final Duration MARGIN = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger("endsession.prompt");

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
            logTimeLeft(question, timeout, shown);
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

    /** Says how long the user really has: the round's deadline (the initiator's, or Windows') cuts a longer question short. */
    private static void logTimeLeft(String question, Duration asked, Duration shown) {
        if (asked != null && shown.compareTo(asked) >= 0) {
            LOG.info("Asking the user '{}' for {}", question, seconds(shown));
        } else {
            LOG.info("Asking the user '{}' for {}, not the {} the listener asked for: the round must be answered by its "
                    + "deadline, set by whoever ends the session (the CLI's --timeout, Windows' fixed 5 s)", question,
                    seconds(shown), asked == null ? "unlimited time" : seconds(asked));
        }
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
    }

    /** @return {@code true} while a prompt of this round is on screen */
    boolean isOpen() {
        return open;
    }
}
