package dev.endsession.agent.prompt;

import dev.endsession.agent.core.RoundAwarePrompt;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Prompt;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asks on the terminal: the app's name and the question, the two choices, a countdown line
 * rewritten every second above the line the user types on (so typing is never erased); the user answers by typing {@code a} (the session ends anyway) or
 * {@code c} (cancel) and Enter. With no terminal, or when the process is a background job, it
 * answers the default at once. Thread-safe (the round prompt shows one prompt at a time).
 */
public final class ConsolePrompt implements RoundAwarePrompt {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.prompt");
    /** How often the terminal is looked at: quick enough to feel immediate, rare enough to cost nothing. */
    private static final long POLL_MS = 100;
    /** VT100 cursor control (DECSC, cursor up, erase to the end of the line, DECRC): the countdown is rewritten in place. */
    private static final String SAVE_CURSOR = "\u001b7";
    private static final String UP = "\u001b[1A";
    private static final String CLEAR_TO_END = "\u001b[K";
    private static final String RESTORE_CURSOR = "\u001b8";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final String appName;
    private final Supplier<Optional<Terminal>> terminals;

    /** @param appName the application's name, shown in the prompt */
    public ConsolePrompt(String appName) {
        this(appName, Terminal::open);
    }

    ConsolePrompt(String appName, Supplier<Optional<Terminal>> terminals) {
        this.appName = appName;
        this.terminals = terminals;
    }

    @Override
    public Prompt forRound(Set<Reason> reasons) {
        Wording wording = Wording.of(appName, reasons);
        return (question, timeout, ifNoAnswer) -> ask(wording, question, timeout, ifNoAnswer);
    }

    private Answer ask(Wording wording, String question, Duration timeout, Answer ifNoAnswer) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            return ifNoAnswer;
        }
        Instant due = Instant.now().plus(timeout); // opening the terminal comes out of the user's time
        Optional<Terminal> terminal = terminals.get();
        if (terminal.isEmpty()) {
            LOG.info("No terminal to ask '{}' on (or not in the foreground); answering {}", question, ifNoAnswer);
            return ifNoAnswer;
        }
        try (Terminal term = terminal.get()) {
            return converse(term, wording, question, due, ifNoAnswer);
        } catch (IOException e) {
            LOG.warn("The terminal failed ({}); answering {}", e.toString(), ifNoAnswer);
            return ifNoAnswer;
        }
    }

    private static Answer converse(Terminal term, Wording wording, String question, Instant due, Answer ifNoAnswer)
            throws IOException {
        PrintStream out = term.out();
        out.println();
        out.println("[" + wording.appName() + "] " + question);
        out.println("  Type a + Enter: " + wording.continueLabel() + "    c + Enter: " + wording.cancelLabel());
        StringBuilder typed = new StringBuilder();
        long shown = Wording.secondsShown(Duration.between(Instant.now(), due));
        showCountdown(term, wording, due, ifNoAnswer);
        while (true) {
            Duration left = Duration.between(Instant.now(), due);
            if (left.isNegative() || left.isZero()) {
                out.println();
                out.println("  No answer: " + wording.label(ifNoAnswer));
                return ifNoAnswer;
            }
            long seconds = Wording.secondsShown(left);
            if (seconds != shown && term.ansi()) {
                // The countdown is the line above the one the user types on: rewrite it there, and put the cursor
                // back where it was, so nothing the user typed so far is erased.
                out.print(SAVE_CURSOR + UP + "\r  " + wording.countdown(left, ifNoAnswer) + CLEAR_TO_END + RESTORE_CURSOR);
                out.flush();
                shown = seconds;
            }
            typed.append(term.typed());
            for (int end = typed.indexOf("\n"); end >= 0; end = typed.indexOf("\n")) {
                String line = typed.substring(0, end).strip();
                typed.delete(0, end + 1);
                Answer answer = parse(line, wording);
                if (answer != null) {
                    out.println("  " + wording.label(answer));
                    return answer;
                }
                if (!line.isEmpty()) {
                    out.println("  Please type a or c.");
                    showCountdown(term, wording, due, ifNoAnswer);
                    shown = Wording.secondsShown(Duration.between(Instant.now(), due));
                }
            }
            try {
                Thread.sleep(POLL_MS); // the pause between two looks at the terminal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ifNoAnswer;
            }
        }
    }

    /**
     * Writes the countdown on a line of its own and the input line below it. A terminal without
     * cursor control (no {@code TERM}, {@code TERM=dumb}) is told the deadline once, by the clock.
     */
    private static void showCountdown(Terminal term, Wording wording, Instant due, Answer ifNoAnswer) {
        PrintStream out = term.out();
        Duration left = Duration.between(Instant.now(), due);
        out.println("  " + wording.countdown(left, ifNoAnswer)
                + (term.ansi() ? "" : " (at " + CLOCK.format(due.atZone(ZoneId.systemDefault())) + ")"));
        out.print("  > ");
        out.flush();
    }

    /** @return the answer {@code line} names, or {@code null} if it names none */
    static Answer parse(String line, Wording wording) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (word.equals("a") || word.equals("anyway") || word.equals("y") || word.equals("yes")
                || word.equals(wording.continueLabel().toLowerCase(Locale.ROOT))) {
            return Answer.CONTINUE;
        }
        if (word.equals("c") || word.equals("cancel") || word.equals("n") || word.equals("no")) {
            return Answer.CANCEL;
        }
        return null;
    }
}
