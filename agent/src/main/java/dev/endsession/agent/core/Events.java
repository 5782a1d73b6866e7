package dev.endsession.agent.core;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.Prompt;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import java.time.Instant;
import java.util.Set;

/** The immutable values listeners receive. */
final class Events {

    private Events() {
    }

    record Query(Set<Reason> reasons, Instant deadline, boolean interactionAllowed, Prompt prompt) implements QueryEndSession {
    }

    record End(Set<Reason> reasons, boolean ending, Instant deadline) implements EndSessionEvent {
    }
}
