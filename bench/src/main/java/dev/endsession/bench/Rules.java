package dev.endsession.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The start-up variants with a rules file ({@code bench/src/main/rules}), when the agent jar has the
 * rules feature: one rule that tracks a class (its constructor is woven: Byte Buddy loads) and one
 * that reaches the object through a static accessor (nothing is woven).
 */
final class Rules {

    static final String TRACKING = "EndSession, a tracking rule (bridge=none)";
    static final String ACCESSOR = "EndSession, an accessor rule (bridge=none)";

    private Rules() {
    }

    static void addVariants(Startup startup, Subjects subjects) {
        if (subjects.hasRules()) {
            startup.variant(TRACKING, List.of(subjects.agent("bridge=none,rules=" + file(subjects, "tracking.rules"))));
            startup.variant(ACCESSOR, List.of(subjects.agent("bridge=none,rules=" + file(subjects, "accessor.rules"))));
        }
    }

    static void note(Report report, Subjects subjects) {
        if (subjects.hasRules()) {
            report.paragraph("The rules variants run with `bridge=none`: compare them with *EndSession, bridge=none*. "
                    + "Goal: well under what a plain Byte Buddy `AgentBuilder` costs (about 330 ms here).");
        } else {
            report.paragraph("With a rules file: not measured, this agent jar has no rules feature (package "
                    + "`dev.endsession.agent.rules` is absent).");
        }
    }

    private static Path file(Subjects subjects, String name) {
        return subjects.root.resolve("bench/src/main/rules").resolve(name);
    }
}
