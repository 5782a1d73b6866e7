package dev.endsession.agent.windows;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Reason;
import dev.endsession.api.Vote;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A listener whose answer a test sets, and which records what it was told in the model's events. */
final class ScriptedListener implements EndSessionListener {

    private final WindowsModel windows;
    private volatile String veto;
    private volatile CountDownLatch holdQuery;
    private volatile CountDownLatch holdEnd;
    private final List<Set<Reason>> queried = new CopyOnWriteArrayList<>();
    private final List<Boolean> mayAsk = new CopyOnWriteArrayList<>();
    private final List<Set<Reason>> ended = new CopyOnWriteArrayList<>();
    private final List<Set<Reason>> cancelled = new CopyOnWriteArrayList<>();
    final CountDownLatch asked = new CountDownLatch(1);

    ScriptedListener(WindowsModel windows) {
        this.windows = windows;
    }

    /** @param reason veto with this reason from now on; {@code null} to allow @return this */
    ScriptedListener veto(String reason) {
        veto = reason;
        return this;
    }

    /** @param latch the query waits for it before answering @return this */
    ScriptedListener holdQueryUntil(CountDownLatch latch) {
        holdQuery = latch;
        return this;
    }

    /** @param latch the cleanup waits for it before it finishes @return this */
    ScriptedListener holdEndUntil(CountDownLatch latch) {
        holdEnd = latch;
        return this;
    }

    @Override
    public Vote onQueryEndSession(QueryEndSession q) {
        queried.add(q.reasons());
        mayAsk.add(q.interactionAllowed());
        asked.countDown();
        CountDownLatch hold = holdQuery;
        if (hold != null) {
            try {
                hold.await(WindowsModel.SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String reason = veto;
        return reason == null ? Vote.allow() : Vote.veto(reason);
    }

    @Override
    public void onEndSession(EndSessionEvent e) {
        try {
            Thread.sleep(200); // a cleanup that takes a while: the window must wait for it
            CountDownLatch hold = holdEnd;
            if (hold != null && !hold.await(WindowsModel.SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        ended.add(e.reasons());
        windows.record("cleanup finished " + e.reasons());
    }

    @Override
    public void onEndSessionCancelled(EndSessionEvent e) {
        cancelled.add(e.reasons());
        windows.record("told cancelled");
    }

    @Override
    public String name() {
        return "scripted";
    }

    List<Set<Reason>> queried() {
        return List.copyOf(queried);
    }

    /** @return for each query, whether the listener was allowed to ask the user */
    List<Boolean> mayAsk() {
        return List.copyOf(mayAsk);
    }

    List<Set<Reason>> ended() {
        return List.copyOf(ended);
    }

    List<Set<Reason>> cancelled() {
        return List.copyOf(cancelled);
    }
}
