package dev.endsession.agent.prompt;

import dev.endsession.agent.core.RoundAwarePrompt;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Prompt;
import dev.endsession.api.Reason;
import java.awt.GraphicsEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/**
 * Asks through a small always-on-top Swing dialog ({@link PromptDialog}). The asking thread (a
 * listener's worker) builds the dialog with {@code invokeLater} and waits for the answer itself,
 * so the event dispatch thread is never blocked and never runs a listener; the dialog only
 * completes a future. The asking thread's own timeout is the hard bound: whatever the dialog
 * does, the answer comes in time.
 *
 * <p>Loaded by name ({@link PromptChooser}), so no AWT class is loaded unless it is chosen.
 * Thread-safe.
 */
public final class SwingPrompt implements RoundAwarePrompt {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.prompt");

    private final String appName;
    private final ScreenSlots slots;

    /** @param appName the application's name, shown in the dialog */
    public SwingPrompt(String appName) {
        this.appName = appName;
        this.slots = ScreenSlots.ofSession(System.getenv());
    }

    @Override
    public Prompt forRound(Set<Reason> reasons) {
        Wording wording = Wording.of(appName, reasons);
        return (question, timeout, ifNoAnswer) -> ask(wording, question, timeout, ifNoAnswer);
    }

    private Answer ask(Wording wording, String question, Duration timeout, Answer ifNoAnswer) {
        // The answer is due a fixed time from now: what follows (AWT's first look at the display can take
        // a few hundred milliseconds) comes out of the user's time, never on top of the round's deadline.
        Instant due = timeout == null ? Instant.now() : Instant.now().plus(timeout);
        if (SwingUtilities.isEventDispatchThread()) {
            // Waiting here would freeze the very thread the dialog needs.
            LOG.warn("A prompt was asked on the Swing event thread; answering {} without showing it", ifNoAnswer);
            return ifNoAnswer;
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            return ifNoAnswer;
        }
        if (GraphicsEnvironment.isHeadless()) {
            LOG.warn("prompt=swing but there is no display; answering {}", ifNoAnswer);
            return ifNoAnswer;
        }
        CompletableFuture<Answer> chosen = new CompletableFuture<>();
        AtomicReference<PromptDialog> shown = new AtomicReference<>();
        SwingUtilities.invokeLater(() -> {
            if (!chosen.isDone()) {
                try {
                    shown.set(PromptDialog.show(wording, question, due, ifNoAnswer, chosen::complete,
                            button -> LOG.debug("The prompt is on the screen, the keyboard focus on '{}'", button), slots));
                } catch (RuntimeException | Error e) {
                    chosen.completeExceptionally(e); // no dialog: answer now, not at the timeout
                }
            }
        });
        try {
            Answer answer = chosen.get(Math.max(0, Duration.between(Instant.now(), due).toNanos()), TimeUnit.NANOSECONDS);
            LOG.info("Answered {} to '{}'", answer, question);
            return answer;
        } catch (TimeoutException e) {
            return ifNoAnswer;
        } catch (ExecutionException e) {
            LOG.warn("The prompt failed ({}); answering {}", e.getCause().toString(), ifNoAnswer);
            return ifNoAnswer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ifNoAnswer;
        } finally {
            chosen.complete(ifNoAnswer); // a dialog not yet built will not be shown
            SwingUtilities.invokeLater(() -> {
                PromptDialog dialog = shown.get();
                if (dialog != null) {
                    dialog.close();
                }
            });
        }
    }
}
