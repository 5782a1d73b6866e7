package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WordingTest {

    @Nested
    class TheContinueButtonIsNamedByTheReason {
        @Test
        void logoffSaysLogOffAnyway() {
            assertEquals("Log off anyway", Wording.of("notes", Set.of(Reason.LOGOFF)).continueLabel());
        }

        @Test
        void shutdownSaysShutDownAnyway() {
            assertEquals("Shut down anyway", Wording.of("notes", Set.of(Reason.SHUTDOWN, Reason.CRITICAL)).continueLabel());
        }

        @Test
        void restartWinsOverShutdown() {
            assertEquals("Restart anyway", Wording.of("notes", Set.of(Reason.SHUTDOWN, Reason.RESTART)).continueLabel());
        }

        @Test
        void anInstallerClosingTheAppSaysCloseAnyway() {
            assertEquals("Close anyway", Wording.of("notes", Set.of(Reason.CLOSE_APP)).continueLabel());
        }

        @Test
        void theOtherChoiceIsCancel() {
            assertEquals("Cancel", Wording.of("notes", Set.of(Reason.LOGOFF)).label(Answer.CANCEL));
        }
    }

    @Nested
    class TheCountdown {
        @Test
        void namesTheAutomaticAnswerAndRoundsSecondsUp() {
            Wording wording = Wording.of("notes", Set.of(Reason.LOGOFF));
            assertEquals("Answering \u201cCancel\u201d in 3 s", wording.countdown(Duration.ofMillis(2001), Answer.CANCEL));
            assertEquals("Answering \u201cLog off anyway\u201d in 1 s", wording.countdown(Duration.ofMillis(10), Answer.CONTINUE));
        }

        @Test
        void showsZeroOnlyWhenTimeIsUp() {
            assertEquals(0, Wording.secondsShown(Duration.ZERO));
            assertEquals(0, Wording.secondsShown(Duration.ofMillis(-5)));
        }
    }

    @Test
    void theTitleCarriesTheAppName() {
        assertEquals("notes: Log off?", Wording.of(" notes ", Set.of(Reason.LOGOFF)).title());
        assertEquals("java: Log off?", Wording.of("", Set.of(Reason.LOGOFF)).title());
    }
}
