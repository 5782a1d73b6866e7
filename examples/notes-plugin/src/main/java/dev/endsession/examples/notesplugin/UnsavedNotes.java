package dev.endsession.examples.notesplugin;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.Prompt.Answer;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.time.Duration;
import java.util.Optional;
import javax.management.JMException;

/**
 * Keeps the session while the notes editor has unsaved changes, unless the user says to go on;
 * saves the document when the session ends. Unattended (no prompt, or no answer in time), it
 * vetoes: losing someone's text is worse than asking again.
 */
public final class UnsavedNotes implements EndSessionListener {

    /** How long the user is given; the agent shortens it to fit the round's deadline. */
    private static final Duration ASK_FOR = Duration.ofSeconds(30);

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        Optional<EditorHandle> editor = EditorHandle.find();
        try {
            if (editor.isEmpty() || !editor.get().modified()) {
                return Vote.allow();
            }
            String document = editor.get().documentName();
            Answer answer = query.prompt().ask(document + " has unsaved changes. If you go on, they are saved first.",
                    ASK_FOR, Answer.CANCEL);
            return answer == Answer.CONTINUE ? Vote.allow() : Vote.veto("Unsaved changes in " + document);
        } catch (JMException e) {
            return Vote.allow(); // the editor went away: nothing left to protect
        }
    }

    @Override
    public void onEndSession(EndSessionEvent event) {
        Optional<EditorHandle> editor = EditorHandle.find();
        if (editor.isEmpty()) {
            return;
        }
        try {
            if (editor.get().modified()) {
                editor.get().save();
                System.out.println("notes-plugin: saved " + editor.get().documentName() + " before the session ended");
            }
        } catch (JMException e) {
            System.err.println("notes-plugin: could not save: " + e.getMessage());
            throw new IllegalStateException("save failed", e);
        }
    }

    @Override
    public String name() {
        return "notes";
    }
}
