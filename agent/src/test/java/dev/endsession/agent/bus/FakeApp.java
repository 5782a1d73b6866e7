package dev.endsession.agent.bus;

import dev.endsession.api.Reason;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** An in-process {@link App} for unit tests of {@link Round}: answers as told, logs every call. */
final class FakeApp implements App {

    /** {@code EXITS_IN_CLEANUP}: hangs up in its End and is gone (a cleanup called {@code System.exit}). */
    enum Does { AGREE, VETO, HANG, OVER_BUDGET, EXITS_IN_CLEANUP }

    private final long pid;
    private final int level;
    private final boolean service;
    private final Does does;
    private final List<String> log;
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private volatile boolean alive = true;

    FakeApp(long pid, int level, boolean service, Does does, List<String> log) {
        this.pid = pid;
        this.level = level;
        this.service = service;
        this.does = does;
        this.log = log;
    }

    static FakeApp of(long pid, int level, Does does, List<String> log) {
        return new FakeApp(pid, level, false, does, log);
    }

    private void log(String event) {
        synchronized (log) {
            log.add(event + " " + pid);
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public String name() {
        return "app" + pid;
    }

    @Override
    public int level() {
        return level;
    }

    @Override
    public boolean service() {
        return service;
    }

    @Override
    public Answer query(Set<Reason> reasons, Duration timeout) throws IOException {
        log("query");
        if (does == Does.HANG) {
            try {
                hungUp.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("hung up");
        }
        List<String> hung = does == Does.OVER_BUDGET ? List.of("Slow") : List.of(); // cut off by its own budget, at once
        return new Answer(does == Does.VETO, does == Does.VETO ? List.of("busy " + pid) : List.of(), hung);
    }

    @Override
    public Cleanup end(Set<Reason> reasons, boolean ending, Duration timeout) throws IOException {
        log((ending ? "end " : "cancel ") + reasons);
        if (ending && does == Does.EXITS_IN_CLEANUP) {
            alive = false;
            throw new IOException("the app hung up");
        }
        return new Cleanup(List.of(), List.of(), List.of(), 0);
    }

    @Override
    public boolean notice(Set<Reason> reasons, Duration timeout) {
        boolean exits = !service || reasons.contains(Reason.SHUTDOWN);
        log("notice " + (exits ? "exit" : "ignore"));
        return exits;
    }

    @Override
    public boolean terminate(boolean ask, Duration grace) {
        log(ask ? "exit" : "kill");
        alive = false;
        return true;
    }

    @Override
    public boolean awaitExit(Duration grace) {
        log("await");
        return !alive;
    }

    @Override
    public boolean alive() {
        return alive;
    }

    @Override
    public void close() {
        hungUp.countDown();
    }
}
