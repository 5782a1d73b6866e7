package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.Prompt;
import dev.endsession.api.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The console prompt over in-memory streams; {@code ConsolePromptIT} drives it on a real terminal. */
class ConsolePromptTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private Prompt typing(String keys, Set<Reason> reasons) {
        Terminal terminal = Terminal.of(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen);
        return new ConsolePrompt("journal", () -> Optional.of(terminal)).forRound(reasons);
    }

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class TypedAnswers {
        @Test
        void cancelVetoes() {
            assertEquals(Answer.CANCEL, typing("c\n", Set.of(Reason.LOGOFF)).ask("Unsaved records.", Duration.ofSeconds(30), Answer.CONTINUE));
        }

        @Test
        void aLetsTheSessionEnd() {
            assertEquals(Answer.CONTINUE, typing("a\n", Set.of(Reason.LOGOFF)).ask("Unsaved records.", Duration.ofSeconds(30), Answer.CANCEL));
        }

        @Test
        void anUnknownLineIsAskedAgain() {
            assertEquals(Answer.CANCEL, typing("maybe\nno\n", Set.of(Reason.LOGOFF)).ask("Q?", Duration.ofSeconds(30), Answer.CONTINUE));
            assertTrue(shown().contains("Please type a or c."), shown());
        }
    }

    @Test
    void showsTheAppTheQuestionTheChoicesAndTheCountdown() {
        typing("a\n", Set.of(Reason.SHUTDOWN)).ask("3 records are not on disk yet.", Duration.ofSeconds(9), Answer.CANCEL);
        String text = shown();
        assertTrue(text.contains("[journal] 3 records are not on disk yet."), text);
        assertTrue(text.contains("a + Enter: Shut down anyway"), text);
        assertTrue(text.contains("c + Enter: Cancel"), text);
        assertTrue(text.matches("(?s).*Answering \u201cCancel\u201d in [1-9] s.*"), text);
    }

    @Test
    void nobodyTypingGetsTheDefaultWhenTimeIsUp() {
        assertEquals(Answer.CONTINUE, typing("", Set.of(Reason.LOGOFF)).ask("Q?", Duration.ofMillis(300), Answer.CONTINUE));
        assertTrue(shown().contains("No answer: Log off anyway"), shown());
    }

    @Test
    void withoutATerminalTheDefaultComesAtOnce() {
        Prompt prompt = new ConsolePrompt("journal", Optional::empty).forRound(Set.of(Reason.LOGOFF));
        assertEquals(Answer.CANCEL, prompt.ask("Q?", Duration.ofMinutes(5), Answer.CANCEL));
    }
}
