package dev.endsession.agent.core;

import dev.endsession.api.Reason;
import java.util.List;
import java.util.Set;

/**
 * The JVM's answer to one query.
 *
 * @param reasons the round's reasons
 * @param vetoed {@code true} if the JVM blocks the end of the session
 * @param blockReasons the reasons it blocks with (empty when it agrees)
 * @param answers every listener's answer, in the order asked; empty when the query was skipped
 */
public record QueryReport(Set<Reason> reasons, boolean vetoed, List<String> blockReasons, List<ListenerAnswer> answers) {

    public QueryReport {
        blockReasons = List.copyOf(blockReasons);
        answers = List.copyOf(answers);
    }

    /** @return the listeners that did not answer in time */
    public List<String> hung() {
        return answers.stream().filter(a -> a.kind() == ListenerAnswer.Kind.HUNG).map(ListenerAnswer::listener).toList();
    }
}
