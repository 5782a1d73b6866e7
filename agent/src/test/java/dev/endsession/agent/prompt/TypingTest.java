package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.Reason;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console prompt's countdown never erases what the user is typing (issue 16, item 9): the
 * prompt writes to a small model of a VT100 screen, and the user's keys are echoed onto it where
 * the cursor is, as a terminal in canonical mode does, while the countdown ticks.
 */
@Timeout(30)
class TypingTest {

    /** Just enough of a VT100: printable text, CR, LF, cursor up, erase to the end of the line, save and restore. */
    static final class Screen extends OutputStream {
        final List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
        int row;
        int col;
        int savedRow;
        int savedCol;
        private final StringBuilder escape = new StringBuilder();
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            pending.write(b);
            String text = pending.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\uFFFD") && pending.size() < 4) {
                return; // the middle of a UTF-8 character
            }
            pending.reset();
            text.chars().forEach(c -> put((char) c));
        }

        synchronized void put(char c) {
            if (!escape.isEmpty() || c == 0x1b) {
                escape.append(c);
                String seq = escape.toString();
                switch (seq) {
                    case "\u001b7" -> { savedRow = row; savedCol = col; }
                    case "\u001b8" -> { row = savedRow; col = savedCol; }
                    case "\u001b[1A" -> row = Math.max(0, row - 1);
                    case "\u001b[K" -> line().setLength(Math.min(col, line().length()));
                    default -> {
                        return; // not complete yet
                    }
                }
                escape.setLength(0);
                return;
            }
            switch (c) {
                case '\r' -> col = 0;
                case '\n' -> {
                    row++;
                    col = 0; // the terminal's ONLCR
                    while (lines.size() <= row) {
                        lines.add(new StringBuilder());
                    }
                }
                default -> {
                    StringBuilder line = line();
                    while (line.length() < col) {
                        line.append(' ');
                    }
                    if (col < line.length()) {
                        line.setCharAt(col, c);
                    } else {
                        line.append(c);
                    }
                    col++;
                }
            }
        }

        private StringBuilder line() {
            return lines.get(row);
        }

        synchronized String text() {
            return String.join("\n", lines);
        }
    }

    /** The keyboard: "n" is typed (and echoed) early, "o" and Enter only after the countdown has ticked at least once. */
    static final class Keyboard extends InputStream {
        final Screen screen;
        int looks;
        byte[] line = new byte[0];
        int at;
        String onTheInputLine;

        Keyboard(Screen screen) {
            this.screen = screen;
        }

        @Override
        public int available() {
            looks++;
            if (looks == 3) {
                screen.put('n'); // the terminal echoes the key; the line is not complete, so nothing can be read yet
            }
            if (looks == 16) { // 1.3 s later: the countdown was rewritten at least once since
                screen.put('o');
                onTheInputLine = screen.lines.get(screen.row).toString();
                screen.put('\n');
                line = "no\n".getBytes(StandardCharsets.UTF_8);
            }
            return line.length - at;
        }

        @Override
        public int read() {
            return at < line.length ? line[at++] : -1;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            int n = Math.min(len, line.length - at);
            System.arraycopy(line, at, into, off, n);
            at += n;
            return n;
        }
    }

    @Test
    void theCountdownTicksAboveTheLineTheUserTypesOn() {
        Screen screen = new Screen();
        Keyboard keys = new Keyboard(screen);
        Terminal terminal = Terminal.of(keys, screen, true);
        Answer answer = new ConsolePrompt("journal", () -> Optional.of(terminal)).forRound(Set.of(Reason.LOGOFF))
                .ask("3 records are not on disk yet.", Duration.ofSeconds(9), Answer.CONTINUE);

        assertEquals(Answer.CANCEL, answer, screen.text());
        assertEquals("  > no", keys.onTheInputLine, "what the user typed is still there:\n" + screen.text());
        List<String> countdowns = screen.lines.stream().map(StringBuilder::toString).filter(l -> l.contains("Answering")).toList();
        assertEquals(1, countdowns.size(), screen.text());
        assertTrue(countdowns.get(0).matches("  Answering \u201cLog off anyway\u201d in [1-8] s"), "ticked down: " + screen.text());
    }

    @Test
    void aTerminalWithoutCursorControlIsToldTheDeadlineOnceByTheClock() {
        assertTrue(Terminal.cursorControl("xterm-256color"));
        assertEquals(false, Terminal.cursorControl("dumb"));
        assertEquals(false, Terminal.cursorControl(null));
    }
}
