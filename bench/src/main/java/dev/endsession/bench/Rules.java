package dev.endsession.bench;

/** The start-up variant with a rules file, when the agent jar has the rules feature. */
final class Rules {

    private Rules() {
    }

    static void addVariant(Startup startup, Subjects subjects) {
        if (subjects.hasRules()) {
            // TODO(bench): the rules file format lands with the rules branch
        }
    }

    static void note(Report report, Subjects subjects) {
        if (!subjects.hasRules()) {
            report.paragraph("With a rules file: not measured, this agent jar has no rules feature (package "
                    + "`dev.endsession.agent.rules` is absent).");
        }
    }
}
