package dev.endsession.agent.testing;

import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.time.Duration;

/**
 * A listener that asks the user before the session ends, as an editor with unsaved work does:
 * "notes.txt has unsaved changes." for 30 s (or the system property
 * {@code endsession.test.ask}, a number of seconds), vetoing when the answer is Cancel, which is
 * also the answer when nobody answers. It asks at once (a synced file write first could outlast the
 * listener's budget on a loaded machine, and a prompt opened after the budget is not waited for), and
 * prints {@code answered <ANSWER> interaction=<allowed>} on stdout; its cancel and end are recorded
 * like {@link RecordingListener}'s.
 */
public class PromptingListener extends RecordingListener {

    /** The block reason when the user (or the default) cancels. */
    public static final String REASON = "Unsaved changes in notes.txt";

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        Duration ask = Duration.ofSeconds(Long.getLong("endsession.test.ask", 30));
        Answer answer = query.prompt().ask("notes.txt has unsaved changes.", ask, Answer.CANCEL);
        System.out.println("answered " + answer + " interaction=" + query.interactionAllowed());
        return answer == Answer.CANCEL ? Vote.veto(REASON) : Vote.allow();
    }
}
