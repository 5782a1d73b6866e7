package dev.endsession.agent.linux.xsmp;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The XSMP client's logic: what the JVM answers to each message of its session manager, driving
 * the coordinator. Holds no JNA type, so it is tested without libSM.
 *
 * <ul>
 * <li>{@code SaveYourself(shutdown=False)}: a checkpoint; the JVM keeps no XSMP state, so
 *     {@code SaveYourselfDone} at once.</li>
 * <li>{@code SaveYourself(shutdown=True)}: the query. Agreed: {@code SaveYourselfDone}. Vetoed:
 *     {@code InteractRequest}, and when the manager grants it ({@code Interact})
 *     {@code InteractDone(cancel_shutdown=True)} then {@code SaveYourselfDone}: the only way an XSMP
 *     client stops a shutdown. With interaction style None the client cannot stop it: the query is
 *     {@link Reason#CRITICAL} (asked, vetoes ignored).</li>
 * <li>{@code ShutdownCancelled}: the round is cancelled (by this JVM or another client). So is a
 *     {@code SaveComplete} after a shutdown's save: xfce4-session 4.18 sends that instead, turning
 *     the cancelled shutdown into a checkpoint.</li>
 * <li>{@code Die}: every cleanup, then the JVM's normal exit.</li>
 * </ul>
 *
 * <p>Every method runs on the connection's one thread and never throws: whatever fails, the manager
 * still gets its answer (a manager waits for {@code SaveYourselfDone}, xsm for ever).
 */
final class XsmpClient {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.xsmp");

    /**
     * How long the query may take: well inside what managers wait (xfce4-session 60 s, xsm for ever);
     * gnome-session lists a client as not responding after 1 s, but there the D-Bus client answers.
     */
    static final Duration QUERY = Duration.ofSeconds(4);

    /** XSMP does not tell a logout from a power-off: the user's session ends. */
    private static final Set<Reason> LOGOFF = EnumSet.of(Reason.LOGOFF);
    private static final Set<Reason> LOGOFF_CRITICAL = EnumSet.of(Reason.LOGOFF, Reason.CRITICAL);

    /** Where this client is in the manager's shutdown. */
    enum State {
        /** No shutdown under way. */
        IDLE,
        /** Vetoed; {@code InteractRequest} sent, waiting for {@code Interact}. */
        AWAITING_INTERACT,
        /** Answered a shutdown's save; waiting for {@code Die} or {@code ShutdownCancelled}. */
        SAVED_FOR_SHUTDOWN,
        /** {@code Die} came: the JVM ends. */
        DYING
    }

    private final Coordinator coordinator;
    private final SessionManager manager;
    private final Duration endBudget;
    private final Runnable exit;
    private State state = State.IDLE;
    private Set<Reason> round = LOGOFF;

    /**
     * @param endBudget how long the cleanups may take after {@code Die}
     * @param exit starts the JVM's normal exit (on a thread of its own), once the cleanups are over
     */
    XsmpClient(Coordinator coordinator, SessionManager manager, Duration endBudget, Runnable exit) {
        this.coordinator = coordinator;
        this.manager = manager;
        this.endBudget = endBudget;
        this.exit = exit;
    }

    /** @return where this client is in the manager's shutdown */
    State state() {
        return state;
    }

    /** {@code SaveYourself}: see the class comment. */
    void saveYourself(int saveType, boolean shutdown, int interactStyle, boolean fast) {
        LOG.debug("SaveYourself(type {}, shutdown {}, interact style {}, fast {})", saveType, shutdown, interactStyle, fast);
        if (!shutdown || state == State.DYING) {
            manager.saveYourselfDone(true);
            return;
        }
        boolean canStop = interactStyle != SmH.SmInteractStyleNone;
        round = canStop ? LOGOFF : LOGOFF_CRITICAL;
        QueryReport report;
        try {
            report = coordinator.query(round, Instant.now().plus(QUERY), interactStyle == SmH.SmInteractStyleAny);
        } catch (RuntimeException e) {
            LOG.warn("The query failed ({}); the session manager is told this JVM agrees", e.toString());
            report = null;
        }
        if (report != null && report.vetoed() && canStop) {
            int dialog = interactStyle == SmH.SmInteractStyleAny ? SmH.SmDialogNormal : SmH.SmDialogError;
            if (manager.interactRequest(dialog)) {
                LOG.info("Stopping the session manager's shutdown: {}", report.blockReasons());
                state = State.AWAITING_INTERACT;
                return;
            }
            LOG.warn("The session manager's shutdown goes on although this JVM blocks it ({}): libSM refused to ask "
                    + "for interaction", report.blockReasons());
        }
        state = State.SAVED_FOR_SHUTDOWN;
        manager.saveYourselfDone(true);
    }

    /** {@code Interact}: this client's turn to interact, which it takes only to stop the shutdown. */
    void interact() {
        LOG.debug("Interact");
        boolean stop = state == State.AWAITING_INTERACT;
        manager.interactDone(stop);
        if (stop) {
            state = State.SAVED_FOR_SHUTDOWN;
            manager.saveYourselfDone(true);
        }
    }

    /** {@code ShutdownCancelled}: the shutdown stops; a pending interaction will not be granted. */
    void shutdownCancelled() {
        LOG.debug("ShutdownCancelled");
        State was = state;
        if (was == State.IDLE || was == State.DYING) {
            return;
        }
        state = State.IDLE;
        if (was == State.AWAITING_INTERACT) {
            manager.saveYourselfDone(true); // still owed: the manager waits for it before the next save
        }
        try {
            coordinator.cancel(round);
        } catch (RuntimeException e) {
            LOG.warn("Telling the listeners of the cancel failed: {}", e.toString());
        }
    }

    /** {@code Die}: the cleanups, once, then the JVM's exit. */
    void die() {
        LOG.debug("Die");
        if (state == State.DYING) {
            return;
        }
        state = State.DYING;
        try {
            EndReport report = coordinator.end(LOGOFF, Instant.now().plus(endBudget));
            LOG.info("The session manager ends this JVM: cleanups finished {}, failed {}, still running {}",
                    report.finished(), report.failed(), report.overran());
        } catch (RuntimeException e) {
            LOG.warn("The cleanups failed: {}", e.toString());
        }
        exit.run();
    }

    /**
     * {@code SaveComplete}: a checkpoint is over. After a shutdown's save it means the shutdown
     * stopped without a {@code ShutdownCancelled} (xfce4-session 4.18), so the round is cancelled.
     */
    void saveComplete() {
        LOG.debug("SaveComplete");
        if (state == State.SAVED_FOR_SHUTDOWN) {
            shutdownCancelled();
        }
    }
}
