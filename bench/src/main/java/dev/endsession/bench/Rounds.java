package dev.endsession.bench;

/** A round over N attached JVMs; needs the session bus and its CLI. */
final class Rounds {

    private Rounds() {
    }

    static void report(Report report, Subjects subjects, boolean quick) {
        if (!subjects.hasBus()) {
            report.paragraph("Not measured: this agent jar has no session bus (`dev.endsession.agent.bus`).");
        }
    }
}
