package dev.endsession.agent.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.App;
import dev.endsession.agent.bus.Progress;
import dev.endsession.agent.bus.Round;
import dev.endsession.agent.bus.RoundOptions;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Live progress names who is asked, who answered what, and who is slow; plain output only the answers. */
class ProgressPrinterTest {

    /** Agrees after {@code answerAfter} (a slow app), blocking on a latch the test never opens. */
    record SlowApp(long pid, Duration answerAfter) implements App {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public int level() {
            return 0x280;
        }

        @Override
        public boolean service() {
            return false;
        }

        @Override
        public Answer query(Set<Reason> reasons, Duration timeout) throws IOException {
            try {
                new CountDownLatch(1).await(answerAfter.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return new Answer(true, List.of("still saving"), List.of());
        }

        @Override
        public Cleanup end(Set<Reason> reasons, boolean ending, Duration timeout) {
            return new Cleanup(List.of(), List.of(), List.of(), 0);
        }

        @Override
        public boolean notice(Set<Reason> reasons, Duration timeout) {
            return false;
        }

        @Override
        public boolean terminate(boolean ask, Duration grace) {
            return true;
        }

        @Override
        public boolean alive() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    String run(boolean live) {
        StringWriter text = new StringWriter();
        Progress printer = new ProgressPrinter(new PrintWriter(text), live);
        Round.run(List.of(new SlowApp(7, Duration.ofMillis(2500))), RoundOptions.of(Reason.LOGOFF), printer);
        return text.toString();
    }

    @Test
    void onATerminalEveryStepAndEverySlowSecondIsShown() {
        String out = run(true);
        assertTrue(out.contains("asking     slow (pid 7)"), out);
        assertTrue(out.contains("waiting    slow (pid 7) ("), out);
        assertTrue(out.contains("veto       slow (pid 7) in "), out);
        assertTrue(out.contains(": still saving"), out);
        assertTrue(out.contains("cancelling slow (pid 7)"), out);
    }

    @Test
    void plainOutputHasTheAnswersButNoTicking() {
        String out = run(false);
        assertTrue(out.startsWith("veto       slow (pid 7) in "), out);
        assertFalse(out.contains("waiting"), out);
        assertFalse(out.contains("asking"), out);
    }
}
