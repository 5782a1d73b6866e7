package com.example.drafts;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Prompt;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.time.Duration;

/**
 * Asks the user before the session ends with unsaved drafts, vetoes if they want to keep working,
 * and saves everything when the session ends anyway.
 */
public final class DraftsListener implements EndSessionListener {

    private final Drafts drafts;

    public DraftsListener(Drafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        int unsaved = drafts.unsavedCount();
        if (unsaved == 0 || query.reasons().contains(Reason.CRITICAL)) {
            return Vote.allow();
        }
        String reason = "Unsaved changes in " + unsaved + (unsaved == 1 ? " draft" : " drafts");
        if (!query.interactionAllowed()) {
            return Vote.veto(reason);
        }
        Prompt.Answer answer = query.prompt().ask(reason + ". Save them and log off?", Duration.ofSeconds(20), Prompt.Answer.CANCEL);
        return answer == Prompt.Answer.CONTINUE ? Vote.allow() : Vote.veto(reason);
    }

    @Override
    public void onEndSession(EndSessionEvent event) {
        drafts.saveAll();
    }

    @Override
    public String name() {
        return "drafts";
    }
}
