package dev.endsession.agent.bus;

/**
 * What happened to one app in a round, filled in as the round runs (contract: the CLI's JSON
 * {@code apps} entries). Written by the round's threads, one app's outcome by one thread at a time.
 */
public final class AppOutcome {

    /** How an app answered the query (contract: the JSON {@code answer} values). */
    public enum Answer {
        OK("ok"), VETO("veto"), HUNG("hung"), NOT_ASKED("not-asked");

        private final String json;

        Answer(String json) {
            this.json = json;
        }

        /** @return the contract's spelling */
        public String json() {
            return json;
        }
    }

    /** How the process left the round (the JSON {@code exit} values; {@code null}: the round did not end it). */
    public enum Exit {
        /** Asked to exit, or killed, and verified gone. */
        TERMINATED("terminated"),
        /** Exited on its own while its cleanup ran (a cleanup called {@code System.exit}); never signalled. */
        DURING_CLEANUP("during-cleanup"),
        /** Still alive after the round's attempt to end it. */
        ALIVE("alive");

        private final String json;

        Exit(String json) {
            this.json = json;
        }

        /** @return the JSON spelling */
        public String json() {
            return json;
        }
    }

    private final long pid;
    private final String name;
    private final int level;
    private volatile Answer answer = Answer.NOT_ASKED;
    private volatile String reason = "";
    private volatile long queryMillis = -1;
    private volatile long endMillis = -1;
    private volatile boolean ended;
    private volatile boolean terminated;
    private volatile Exit exit;

    AppOutcome(App app) {
        this(app.pid(), app.name(), app.level());
    }

    private AppOutcome(long pid, String name, int level) {
        this.pid = pid;
        this.name = name;
        this.level = level;
    }

    /** @return the outcome of a socket entry refused before anything was sent (never asked, never signalled) */
    static AppOutcome refused(long pid, String why) {
        AppOutcome outcome = new AppOutcome(pid, "(refused)", SocketApp.DEFAULT_LEVEL);
        outcome.reason = "refused: " + why;
        return outcome;
    }

    void answered(Answer value, String why, long millis) {
        answer = value;
        reason = why == null ? "" : why;
        queryMillis = millis;
    }

    void ended(long millis) {
        ended = true;
        endMillis = millis;
    }

    void cancelled(long millis) {
        endMillis = millis;
    }

    void left(Exit how) {
        exit = how;
        terminated = how != Exit.ALIVE;
    }

    public long pid() {
        return pid;
    }

    public String name() {
        return name;
    }

    public int level() {
        return level;
    }

    public Answer answer() {
        return answer;
    }

    /** @return the veto's reason, or why the app counts as hung; empty otherwise */
    public String reason() {
        return reason;
    }

    /** @return how long the query took, or -1 if not asked */
    public long queryMillis() {
        return queryMillis;
    }

    /** @return how long the end (or cancellation) took, or -1 if none was sent */
    public long endMillis() {
        return endMillis;
    }

    /** @return {@code true} if the app was told the session ends and ran its cleanup */
    public boolean ended() {
        return ended;
    }

    /** @return {@code true} if the process is verified gone at the end of the round (terminated, or exited during its cleanup) */
    public boolean terminated() {
        return terminated;
    }

    /** @return how the process left the round, or {@code null} if the round did not end it */
    public Exit exit() {
        return exit;
    }
}
