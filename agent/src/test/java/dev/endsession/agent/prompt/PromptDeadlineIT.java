package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.PromptingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.Xvfb;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The initiator's {@code --timeout} cuts a listener's question short (issue 16, item 8): a
 * listener asks for 20 s in a logoff with {@code --timeout 3s}; the app logs the time the user
 * really has, under 3 s, and that the listener asked for 20 s, and the prompt answers its default
 * in time, so the app's veto reaches the initiator instead of the app counting as hung.
 */
@Timeout(90)
class PromptDeadlineIT {

    private static final Pattern LOGGED = Pattern.compile(
            "Asking the user 'notes.txt has unsaved changes.' for (\\d+\\.\\d) s, not the 20\\.0 s the listener asked for: "
                    + "the round must be answered by its deadline");

    @TempDir
    Path dir;

    @Test
    void theInitiatorsTimeoutCutsTheQuestionAndTheAppSaysSo() {
        Xvfb.requireDisplay();
        try (BusSession session = new BusSession(dir)) {
            TestJvm notes = session.app("default", "name=notes,prompt=swing,log=info", List.of(PromptingListener.class),
                    "-Dendsession.test.ask=20");

            BusSession.Run run = session.cli("logoff", "--timeout", "3s");

            assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("notes (pid " + notes.pid() + "): " + PromptingListener.REASON), run.out());
            Matcher logged = LOGGED.matcher(notes.stderr());
            assertTrue(logged.find(), notes.stderr());
            double shown = Double.parseDouble(logged.group(1));
            assertTrue(shown > 0 && shown <= 3.0, "the user had " + shown + " s of a 3 s round");
            notes.awaitLine("^answered CANCEL interaction=true$", BusSession.START);
        }
    }
}
