package dev.endsession.agent.prompt;

import dev.endsession.agent.config.AgentOptions.PromptMode;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A JVM that runs one logoff query through a coordinator whose prompt {@link PromptChooser} picked
 * for {@code args[0]} (auto, console, ...), with a listener that asks the user and vetoes on
 * cancel; prints {@code vetoed <true|false> <block reasons> after <ms>} and exits.
 */
public final class AskingMain {

    private AskingMain() {
    }

    public static void main(String[] args) {
        PromptMode mode = PromptMode.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        Coordinator coordinator = new Coordinator(Policy.defaults().withPrompt(PromptChooser.choose(mode, "journal")));
        coordinator.register(new EndSessionListener() {
            @Override
            public Vote onQueryEndSession(QueryEndSession query) {
                Answer answer = query.prompt().ask("3 records are not on disk yet.", Duration.ofSeconds(30), Answer.CONTINUE);
                return answer == Answer.CANCEL ? Vote.veto("The user kept the session") : Vote.allow();
            }
        });
        long start = System.nanoTime();
        QueryReport report = coordinator.query(Set.of(Reason.LOGOFF), Instant.now().plusSeconds(60), true);
        System.out.println("vetoed " + report.vetoed() + " " + report.blockReasons() + " after "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        System.exit(0);
    }
}
