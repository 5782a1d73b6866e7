package dev.endsession.agent.prompt;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Prompt.Answer;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * The dialog itself: the app's name, the question, a countdown to the automatic answer, and two
 * buttons worded by the round ("Log off anyway", "Cancel"). Always on top, so it is seen over
 * whatever the user was doing, and placed where it hides no other prompt of the session
 * ({@link ScreenSlots}). The keyboard works as in a native dialog: the focus and Enter start
 * on the automatic answer, Alt and the action's first letter (Alt+L) chooses it, Escape cancels.
 * Every method runs on the event dispatch thread; the dialog only
 * reports the choice through {@code answer}, it never waits for anything.
 *
 * <p>Components carry names ({@link #NAME}, {@code continue}, {@code cancel}, {@code countdown})
 * so tests can find them.
 */
final class PromptDialog {

    /** The dialog's component name. */
    static final String NAME = "endsession.prompt";
    private static final Logger LOG = LoggerFactory.getLogger("endsession.prompt");
    private static final int TICK_MS = 200;

    private final JDialog dialog;
    private final Timer ticker;
    private ScreenSlots.Slot slot;

    private PromptDialog(JDialog dialog, Timer ticker) {
        this.dialog = dialog;
        this.ticker = ticker;
    }

    /**
     * Builds and shows the dialog; closing its window counts as {@link Answer#CANCEL}.
     *
     * @param focused told once, when the automatic answer's button first holds the keyboard focus:
     *     from then on a key press reaches the dialog
     * @param slots the session's prompts, so this one hides none of them; null to centre it
     */
    static PromptDialog show(Wording wording, String question, Instant due, Answer ifNoAnswer, Consumer<Answer> answer,
            Consumer<String> focused, ScreenSlots slots) {
        JDialog dialog = new JDialog((java.awt.Frame) null, wording.title(), false);
        dialog.setName(NAME);
        dialog.setAlwaysOnTop(true);
        dialog.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        JLabel app = new JLabel(wording.appName());
        app.setFont(app.getFont().deriveFont(Font.BOLD, app.getFont().getSize2D() + 2f));
        JLabel text = new JLabel("<html><div style='width:320px'>" + escape(question) + "</div></html>");
        JLabel countdown = new JLabel(wording.countdown(Duration.between(Instant.now(), due), ifNoAnswer));
        countdown.setName("countdown");
        JPanel body = new JPanel();
        body.setLayout(new BoxLayout(body, BoxLayout.Y_AXIS));
        body.setBorder(BorderFactory.createEmptyBorder(14, 16, 8, 16));
        body.add(app);
        body.add(Box.createVerticalStrut(8));
        body.add(text);
        body.add(Box.createVerticalStrut(10));
        body.add(countdown);

        JButton proceed = button(wording.continueLabel(), "continue");
        JButton cancel = button(wording.cancelLabel(), "cancel");
        // Alt + the action's first letter chooses it and Escape cancels, wherever the focus is.
        proceed.setMnemonic(KeyEvent.getExtendedKeyCodeForChar(wording.continueLabel().charAt(0)));
        dialog.getRootPane().registerKeyboardAction(e -> cancel.doClick(),
                KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), JComponent.WHEN_IN_FOCUSED_WINDOW);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(proceed);
        buttons.add(cancel);

        dialog.getContentPane().add(body, BorderLayout.CENTER);
        dialog.getContentPane().add(buttons, BorderLayout.SOUTH);
        // Enter and the keyboard focus both go to the automatic answer: a stray key press changes nothing.
        JButton automatic = ifNoAnswer == Answer.CONTINUE ? proceed : cancel;
        dialog.getRootPane().setDefaultButton(automatic);

        Timer ticker = new Timer(TICK_MS, null);
        PromptDialog shown = new PromptDialog(dialog, ticker);
        Consumer<Answer> choose = choice -> {
            shown.close();
            answer.accept(choice);
        };
        proceed.addActionListener(e -> choose.accept(Answer.CONTINUE));
        cancel.addActionListener(e -> choose.accept(Answer.CANCEL));
        dialog.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                choose.accept(Answer.CANCEL);
            }
        });
        automatic.addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                automatic.removeFocusListener(this);
                focused.accept(automatic.getText());
            }
        });
        ticker.addActionListener(e -> {
            Duration left = Duration.between(Instant.now(), due);
            if (left.isNegative() || left.isZero()) {
                choose.accept(ifNoAnswer);
            } else {
                countdown.setText(wording.countdown(left, ifNoAnswer));
            }
        });

        shown.place(slots);
        dialog.pack();
        if (shown.slot == null) {
            dialog.setLocationRelativeTo(null);
        }
        dialog.setVisible(true);
        dialog.toFront();
        automatic.requestFocusInWindow();
        ticker.start();
        return shown;
    }

    /**
     * Puts the dialog where it hides no other prompt of the session, before its window exists: the
     * window is made in its place, never moved once made (AWT on an X server without a window manager
     * could then report the old place). Without a slot it is centred once packed.
     */
    private void place(ScreenSlots slots) {
        if (slots == null) {
            return;
        }
        try {
            Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
            slot = slots.claim(dialog.getPreferredSize(), screen);
            dialog.setLocation(slot.place().getLocation());
        } catch (IOException | RuntimeException e) {
            LOG.debug("The prompt is centred: its place could not be shared ({})", e.toString());
        }
    }

    /** Stops the countdown, removes the dialog and gives its place back; safe to call twice. */
    void close() {
        ticker.stop();
        dialog.dispose();
        if (slot != null) {
            slot.close();
            slot = null;
        }
    }

    private static JButton button(String label, String name) {
        JButton button = new JButton(label);
        button.setName(name);
        return button;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
