package dev.endsession.agent.core;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Prompt;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The prompts of one query, whose listeners run in parallel: at most one prompt on screen per JVM,
 * in listener order (a listener's prompt waits until every listener before it has answered or been
 * given up), never past the round's deadline, and none once the user chose to cancel.
 */
final class RoundPrompt {

    /** Answer this long before the deadline so the vote still reaches the initiator in time. */
    static final Duration MARGIN = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger("endsession.prompt");

    private final Prompt screen;
    private final Semaphore oneOnScreen;
    private final Instant deadline;
    private final boolean interactionAllowed;
    private final CountDownLatch[] over;
    private final Turn[] turns;
    private volatile boolean userCancelled;

    /** @param listeners how many listeners the query asks, in order */
    RoundPrompt(Prompt screen, Semaphore oneOnScreen, Instant deadline, boolean interactionAllowed, int listeners) {
        this.screen = screen;
        this.oneOnScreen = oneOnScreen;
        this.deadline = deadline;
        this.interactionAllowed = interactionAllowed;
        this.over = new CountDownLatch[listeners];
        this.turns = new Turn[listeners];
        for (int i = 0; i < listeners; i++) {
            over[i] = new CountDownLatch(1);
            turns[i] = new Turn(i);
        }
    }

    /** @param index the listener's place in the query's order @return the prompt that listener sees */
    Turn turn(int index) {
        return turns[index];
    }

    /** The prompt one listener sees. */
    final class Turn implements Prompt {
        private final int index;
        private volatile boolean asking;

        private Turn(int index) {
            this.index = index;
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
            long until = System.nanoTime() + wait.toNanos();
            asking = true;
            try {
                for (int i = 0; i < index; i++) {
                    if (!over[i].await(until - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        return ifNoAnswer;
                    }
                }
                if (!oneOnScreen.tryAcquire(until - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return ifNoAnswer;
                }
                try {
                    return show(question, timeout, Duration.ofNanos(until - System.nanoTime()), ifNoAnswer);
                } finally {
                    oneOnScreen.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ifNoAnswer;
            } catch (RuntimeException e) {
                return ifNoAnswer;
            } finally {
                asking = false;
            }
        }

        private Answer show(String question, Duration asked, Duration shown, Answer ifNoAnswer) {
            if (userCancelled) {
                return Answer.CANCEL;
            }
            if (shown.isNegative() || shown.isZero()) {
                return ifNoAnswer;
            }
            logTimeLeft(question, asked, shown);
            Answer answer = screen.ask(question, shown, ifNoAnswer);
            if (answer == Answer.CANCEL) {
                userCancelled = true;
            }
            return answer == null ? ifNoAnswer : answer;
        }

        /** @return {@code true} while this listener waits for the screen or has a prompt on it */
        boolean asking() {
            return asking;
        }

        /** This listener answered, or was given up: the prompts of the listeners after it may show. */
        void over() {
            over[index].countDown();
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
}
