package dev.endsession.agent.bus;

import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How one end-of-session round runs (the CLI's options, contract). Made by {@link #of} and the
 * {@code with...} methods, each of which returns a copy with one option changed.
 *
 * @param kind LOGOFF, SHUTDOWN or RESTART
 * @param mode modern (query all, then end all) or classic (one app at a time)
 * @param force {@code EWX_FORCE}: no query phase
 * @param forceIfHung {@code EWX_FORCEIFHUNG}: terminate an app that does not answer in time
 * @param onBlockForce after a veto, end every app anyway instead of cancelling
 * @param timeout the hung timeout: how long an app may take to answer a query or to clean up
 * @param notifyOnly the initiator is in another session: notifications only, nothing terminated
 * @param selfPid the initiator's own pid if it is one of the apps (it ends itself after the round), else 0
 */
public record RoundOptions(Reason kind, Mode mode, boolean force, boolean forceIfHung, boolean onBlockForce,
        Duration timeout, boolean notifyOnly, long selfPid) {

    /** The default hung timeout, as on Windows. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** How apps are asked. */
    public enum Mode {
        /** Windows Vista and later: query every app, then end all or cancel. */
        MODERN,
        /** The seed's literal text: one app at a time; an app that agrees is ended at once. */
        CLASSIC
    }

    public RoundOptions {
        if (kind != Reason.LOGOFF && kind != Reason.SHUTDOWN && kind != Reason.RESTART) {
            throw new IllegalArgumentException("a round is a LOGOFF, SHUTDOWN or RESTART, not " + kind);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the hung timeout must be positive");
        }
    }

    /** @param kind LOGOFF, SHUTDOWN or RESTART @return a modern, unforced round with the default timeout */
    public static RoundOptions of(Reason kind) {
        return new RoundOptions(kind, Mode.MODERN, false, false, false, DEFAULT_TIMEOUT, false, 0);
    }

    /** @return the reasons the apps are told: a restart is also a shutdown; a forced end says so */
    public Set<Reason> reasons() {
        Set<Reason> reasons = EnumSet.of(kind);
        if (kind == Reason.RESTART) {
            reasons.add(Reason.SHUTDOWN);
        }
        if (force) {
            reasons.add(Reason.FORCED);
        }
        return reasons;
    }

    /** @param value modern or classic @return a copy with it */
    public RoundOptions withMode(Mode value) {
        return new RoundOptions(kind, value, force, forceIfHung, onBlockForce, timeout, notifyOnly, selfPid);
    }

    /** @param value {@code EWX_FORCE} @return a copy with it */
    public RoundOptions withForce(boolean value) {
        return new RoundOptions(kind, mode, value, forceIfHung, onBlockForce, timeout, notifyOnly, selfPid);
    }

    /** @param value {@code EWX_FORCEIFHUNG} @return a copy with it */
    public RoundOptions withForceIfHung(boolean value) {
        return new RoundOptions(kind, mode, force, value, onBlockForce, timeout, notifyOnly, selfPid);
    }

    /** @param value end every app anyway after a veto @return a copy with it */
    public RoundOptions withOnBlockForce(boolean value) {
        return new RoundOptions(kind, mode, force, forceIfHung, value, timeout, notifyOnly, selfPid);
    }

    /** @param value the hung timeout @return a copy with it */
    public RoundOptions withTimeout(Duration value) {
        return new RoundOptions(kind, mode, force, forceIfHung, onBlockForce, value, notifyOnly, selfPid);
    }

    /** @param value notifications only @return a copy with it */
    public RoundOptions withNotifyOnly(boolean value) {
        return new RoundOptions(kind, mode, force, forceIfHung, onBlockForce, timeout, value, selfPid);
    }

    /** @param value the initiator's own pid if it is one of the apps @return a copy with it */
    public RoundOptions withSelfPid(long value) {
        return new RoundOptions(kind, mode, force, forceIfHung, onBlockForce, timeout, notifyOnly, value);
    }
}
