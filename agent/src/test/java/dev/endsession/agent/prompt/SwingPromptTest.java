package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.ListenerAnswer;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.beans.PropertyChangeListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The real Swing dialog on a real display (Xvfb in CI), answered by a real mouse click through
 * {@link Robot}; the answer must reach the coordinator's report. Screenshots of the dialog are
 * saved under {@code target/screenshots/}.
 */
class SwingPromptTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUESTION = "notes.txt has unsaved changes. They are saved if you go on.";

    @BeforeAll
    static void needsADisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux) {
            // CI starts Xvfb: a missing display is a broken setup, not a reason to skip.
            assertNotNull(System.getenv("DISPLAY"), "No DISPLAY: start Xvfb (as .ci/run does) and export DISPLAY");
        } else {
            assumeFalse(GraphicsEnvironment.isHeadless(), "no display on this machine");
        }
        assertFalse(GraphicsEnvironment.isHeadless(), "AWT is headless although DISPLAY is set");
    }

    /** Asks through the round's prompt like the notes plugin does, and vetoes if the user cancels. */
    static final class AskingListener implements EndSessionListener {
        final AtomicReference<Answer> answer = new AtomicReference<>();
        final Duration timeout;

        AskingListener(Duration timeout) {
            this.timeout = timeout;
        }

        @Override
        public Vote onQueryEndSession(QueryEndSession query) {
            Answer chosen = query.prompt().ask(QUESTION, timeout, Answer.CANCEL);
            answer.set(chosen);
            return chosen == Answer.CANCEL ? Vote.veto("Unsaved changes in notes.txt") : Vote.allow();
        }
    }

    private final Coordinator coordinator = new Coordinator(Policy.defaults().withPrompt(new SwingPrompt("notes")));

    @AfterEach
    void closeLeftovers() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            for (Window window : Window.getWindows()) {
                window.dispose();
            }
        });
    }

    private CompletableFuture<QueryReport> queryWith(AskingListener listener, Set<Reason> reasons) {
        coordinator.register(listener);
        Instant deadline = Instant.now().plusSeconds(60);
        return CompletableFuture.supplyAsync(() -> coordinator.query(reasons, deadline, true));
    }

    @Nested
    class AClickReachesTheCoordinator {
        @Test
        void clickingCancelVetoesWithTheListenersReason() throws Exception {
            AskingListener listener = new AskingListener(Duration.ofSeconds(40));
            CompletableFuture<QueryReport> round = queryWith(listener, Set.of(Reason.LOGOFF));
            JDialog dialog = awaitDialog();
            assertEquals("Log off anyway", text(dialog, "continue"));
            assertEquals("Cancel", text(dialog, "cancel"));
            assertTrue(text(dialog, "countdown").matches("Answering \u201cCancel\u201d in \\d+ s"), text(dialog, "countdown"));
            screenshot(dialog, "swing-prompt-logoff.png");

            QueryReport report = clickUntilAnswered(dialog, "cancel", round);
            assertEquals(Answer.CANCEL, listener.answer.get());
            assertTrue(report.vetoed());
            assertEquals(ListenerAnswer.Kind.VETO, report.answers().get(0).kind());
            assertEquals("Unsaved changes in notes.txt", report.blockReasons().get(0));
        }

        @Test
        void clickingRestartAnywayLetsTheSessionEnd() throws Exception {
            AskingListener listener = new AskingListener(Duration.ofSeconds(40));
            CompletableFuture<QueryReport> round = queryWith(listener, Set.of(Reason.RESTART));
            JDialog dialog = awaitDialog();
            assertEquals("Restart anyway", text(dialog, "continue"));
            assertEquals("notes: Restart?", dialog.getTitle());
            screenshot(dialog, "swing-prompt-restart.png");

            QueryReport report = clickUntilAnswered(dialog, "continue", round);
            assertEquals(Answer.CONTINUE, listener.answer.get());
            assertFalse(report.vetoed());
            assertEquals(ListenerAnswer.Kind.OK, report.answers().get(0).kind());
        }
    }

    /**
     * A key pressed as the dialog opens must not end the session: the focus never passes "Log off
     * anyway". And Escape cancels, as in a native dialog.
     */
    @Test
    void theFocusGoesStraightToTheAutomaticAnswerAndEscapeCancels() throws Exception {
        List<String> owners = new CopyOnWriteArrayList<>();
        PropertyChangeListener tracker = change -> {
            if (change.getNewValue() instanceof Component owner) {
                owners.add(owner.getName());
            }
        };
        KeyboardFocusManager focus = KeyboardFocusManager.getCurrentKeyboardFocusManager();
        focus.addPropertyChangeListener("focusOwner", tracker);
        try {
            AskingListener listener = new AskingListener(Duration.ofSeconds(40));
            CompletableFuture<QueryReport> round = queryWith(listener, Set.of(Reason.LOGOFF));
            JDialog dialog = awaitDialog();
            awaitCondition(() -> dialog.isFocused() && owners.contains("cancel"), "the dialog takes the keyboard focus");
            robot().waitForIdle();
            assertEquals(List.of("cancel"), owners.stream().distinct().toList());
            Robot robot = robot();
            robot.keyPress(KeyEvent.VK_ESCAPE);
            robot.keyRelease(KeyEvent.VK_ESCAPE);
            // Answered long before the 40 s the listener allows: by the key, not the countdown.
            assertTrue(round.get(10, TimeUnit.SECONDS).vetoed());
            assertEquals(Answer.CANCEL, listener.answer.get());
        } finally {
            focus.removePropertyChangeListener("focusOwner", tracker);
        }
    }

    @Test
    void withoutAClickTheDefaultAnswersAndTheDialogCloses() throws Exception {
        AskingListener listener = new AskingListener(Duration.ofSeconds(2));
        CompletableFuture<QueryReport> round = queryWith(listener, Set.of(Reason.SHUTDOWN));
        JDialog dialog = awaitDialog();
        QueryReport report = round.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Answer.CANCEL, listener.answer.get());
        assertTrue(report.vetoed());
        awaitCondition(() -> !dialog.isShowing(), "the dialog closes after answering by itself");
    }

    @Test
    void aDialogAskedForLongerThanTheRoundAnswersBeforeTheDeadline() throws Exception {
        AskingListener listener = new AskingListener(Duration.ofMinutes(5));
        coordinator.register(listener);
        Instant deadline = Instant.now().plusSeconds(3);
        CompletableFuture<QueryReport> round = CompletableFuture.supplyAsync(
                () -> coordinator.query(Set.of(Reason.LOGOFF), deadline, true));
        JDialog dialog = awaitDialog();
        assertTrue(text(dialog, "countdown").matches("Answering \u201cCancel\u201d in [1-3] s"), text(dialog, "countdown"));
        // The listener asked for five minutes: the round's deadline shortened that to the 3 s shown.
        QueryReport report = round.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Answer.CANCEL, listener.answer.get());
        assertTrue(report.vetoed());
        awaitCondition(() -> !dialog.isShowing(), "the dialog closes with the round");
    }

    @Test
    void theEventThreadStaysFreeWhileTheDialogWaits() throws Exception {
        AskingListener listener = new AskingListener(Duration.ofSeconds(40));
        CompletableFuture<QueryReport> round = queryWith(listener, Set.of(Reason.LOGOFF));
        JDialog dialog = awaitDialog();
        CountDownLatch ran = new CountDownLatch(1);
        SwingUtilities.invokeLater(ran::countDown);
        assertTrue(ran.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the event dispatch thread is blocked");
        assertTrue(dialog.isAlwaysOnTop());
        assertFalse(round.isDone());
        assertFalse(clickUntilAnswered(dialog, "continue", round).vetoed());
    }

    private static JDialog awaitDialog() {
        AtomicReference<JDialog> found = new AtomicReference<>();
        awaitCondition(() -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof JDialog dialog && PromptDialog.NAME.equals(dialog.getName()) && dialog.isShowing()) {
                    found.set(dialog);
                    return true;
                }
            }
            return false;
        }, "the prompt dialog shows");
        JDialog dialog = found.get();
        awaitCondition(() -> settled(dialog), "the dialog is where it was placed");
        return dialog;
    }

    /**
     * True once the X server reports the window where Swing put it. Without a window manager the
     * first reads after showing can still give (0, 0), where {@code pack()} created it: seen in about
     * 2 % of showings here, and once in CI as a click aimed at the bare root window.
     */
    private static boolean settled(JDialog dialog) {
        AtomicReference<Boolean> settled = new AtomicReference<>(false);
        try {
            SwingUtilities.invokeAndWait(() -> settled.set(
                    !dialog.isShowing() || dialog.getLocationOnScreen().equals(dialog.getLocation())));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return settled.get();
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Not within " + WAIT + ": " + what);
            }
            robot().delay(50); // a bounded poll of the window list
        }
    }

    private static String text(JDialog dialog, String name) throws Exception {
        AtomicReference<String> text = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Component component = find(dialog, name);
            text.set(component instanceof AbstractButton b ? b.getText() : ((JLabel) component).getText());
        });
        return text.get();
    }

    /**
     * Clicks the button and waits for the round's report. A press can reach the X server before the
     * dialog's window is mapped there (isShowing() is already true) and land on the root window, so
     * an unanswered click is repeated a few times; only a click on the button can answer.
     */
    private static QueryReport clickUntilAnswered(JDialog dialog, String name, CompletableFuture<QueryReport> round)
            throws Exception {
        for (int attempt = 0; attempt < 5 && dialog.isShowing(); attempt++) {
            click(dialog, name);
            try {
                return round.get(3, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // not answered yet: press again while the dialog is still there
            }
        }
        return round.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Moves the real pointer onto the button and presses it, as a person would. The button's place
     * is read again on every poll, in case the window moves (see {@link #settled}).
     */
    private static void click(JDialog dialog, String name) throws Exception {
        Robot robot = robot();
        robot.waitForIdle();
        Instant end = Instant.now().plus(WAIT);
        Rectangle area;
        while (true) {
            area = placeOnScreen(dialog, name);
            if (area == null) {
                return; // answered and closed meanwhile
            }
            if (drawn(robot, area)) {
                break;
            }
            if (Instant.now().isAfter(end)) {
                Path shot = screenshotOfEverything(robot, "failed-click-" + name + ".png");
                throw new AssertionError("Not within " + WAIT + ": the button is drawn on the screen at " + area
                        + " (the whole screen is in " + shot + ")");
            }
            robot.delay(50); // a bounded poll of the screen
        }
        robot.mouseMove((int) area.getCenterX(), (int) area.getCenterY());
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /** Where the named button is on the screen now, or null when it no longer shows. */
    private static Rectangle placeOnScreen(JDialog dialog, String name) throws Exception {
        AtomicReference<Rectangle> area = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Component button = find(dialog, name);
            if (button.isShowing()) {
                area.set(new Rectangle(button.getLocationOnScreen(), button.getSize()));
            }
        });
        return area.get();
    }

    /** A button on the screen has a face, a border and a label: more than one colour (the bare root has one). */
    private static boolean drawn(Robot robot, Rectangle area) {
        int[] pixels = robot.createScreenCapture(area).getRGB(0, 0, area.width, area.height, null, 0, area.width);
        return java.util.Arrays.stream(pixels).distinct().count() > 2;
    }

    private static void screenshot(JDialog dialog, String file) throws Exception {
        Robot robot = robot();
        robot.waitForIdle();
        AtomicReference<Rectangle> bounds = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> bounds.set(new Rectangle(dialog.getLocationOnScreen(), dialog.getSize())));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Rectangle area = bounds.get();
        assertTrue(ImageIO.write(robot.createScreenCapture(area), "png", dir.resolve(file).toFile()));
    }

    /** The whole screen, for the failure message: what a person would have seen. */
    private static Path screenshotOfEverything(Robot robot, String file) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path shot = dir.resolve(file);
        Rectangle screen = new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(robot.createScreenCapture(screen), "png", shot.toFile());
        return shot.toAbsolutePath();
    }

    private static Component find(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container container) {
                Component inner = find(container, name);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static Robot robot() {
        try {
            return new Robot();
        } catch (java.awt.AWTException e) {
            throw new AssertionError("No robot on this display", e);
        }
    }
}
