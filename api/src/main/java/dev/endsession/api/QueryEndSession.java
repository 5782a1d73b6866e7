package dev.endsession.api;

import java.time.Instant;
import java.util.Set;

/**
 * Phase 1 of an end of session: the system asks whether the session may end. Answer fast with a
 * {@link Vote}; ask the user through {@link #prompt()} only when {@link #interactionAllowed()}.
 */
public interface QueryEndSession {

    /** @return why the session is ending; never empty */
    Set<Reason> reasons();

    /** @return when the round must have its answer; later answers count as hung */
    Instant deadline();

    /** @return {@code true} if the user may be asked (a person is there and there is time) */
    boolean interactionAllowed();

    /** @return the prompt to ask the user through; answers its default when interaction is not allowed */
    Prompt prompt();
}
