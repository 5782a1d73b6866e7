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

    private final long pid;
    private final String name;
    private final int level;
    private volatile Answer answer = Answer.NOT_ASKED;
    private volatile String reason = "";
    private volatile long queryMillis = -1;
    private volatile long endMillis = -1;
    private volatile boolean ended;
    private volatile boolean terminated;

    AppOutcome(App app) {
        this.pid = app.pid();
        this.name = app.name();
        this.level = app.level();
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

    void terminated(boolean value) {
        terminated = value;
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

    /** @return {@code true} if the round terminated the process (verified gone) */
    public boolean terminated() {
        return terminated;
    }
}
