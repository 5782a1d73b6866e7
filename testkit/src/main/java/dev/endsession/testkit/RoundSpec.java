package dev.endsession.testkit;

import dev.endsession.agent.bus.RoundOptions;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.Objects;

/**
 * How a round runs, said as the CLI says it: {@code RoundSpec.logoff().force()} is
 * {@code endsession logoff --force}. A builder: not thread-safe.
 */
public final class RoundSpec {

    private final Reason kind;
    private RoundOptions.Mode mode = RoundOptions.Mode.MODERN;
    private boolean force;
    private boolean forceIfHung;
    private boolean onBlockForce;
    private Duration timeout = RoundOptions.DEFAULT_TIMEOUT;

    private RoundSpec(Reason kind) {
        this.kind = kind;
    }

    /** @return a modern, unforced logoff with the default 5 s hung timeout */
    public static RoundSpec logoff() {
        return new RoundSpec(Reason.LOGOFF);
    }

    /** @return a modern, unforced shutdown */
    public static RoundSpec shutdown() {
        return new RoundSpec(Reason.SHUTDOWN);
    }

    /** @return a modern, unforced restart */
    public static RoundSpec restart() {
        return new RoundSpec(Reason.RESTART);
    }

    /** {@code --force}: nobody is asked. @return this */
    public RoundSpec force() {
        force = true;
        return this;
    }

    /** {@code --force-if-hung}: an app that does not answer in time is ended anyway. @return this */
    public RoundSpec forceIfHung() {
        forceIfHung = true;
        return this;
    }

    /** {@code --on-block force}: a veto is reported, then every app ends anyway. @return this */
    public RoundSpec onBlockForce() {
        onBlockForce = true;
        return this;
    }

    /** {@code --mode classic}: one app at a time; the first veto stops the rest. @return this */
    public RoundSpec classic() {
        mode = RoundOptions.Mode.CLASSIC;
        return this;
    }

    /** @param hungTimeout {@code --timeout}: how long an app may take to answer or clean up @return this */
    public RoundSpec timeout(Duration hungTimeout) {
        timeout = Objects.requireNonNull(hungTimeout, "hungTimeout");
        return this;
    }

    RoundOptions options() {
        return RoundOptions.of(kind).withMode(mode).withForce(force).withForceIfHung(forceIfHung)
                .withOnBlockForce(onBlockForce).withTimeout(timeout);
    }

    /** @return the command line this round stands for, e.g. {@code logoff --force} */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + (force ? " --force" : "") + (forceIfHung ? " --force-if-hung" : "")
                + (onBlockForce ? " --on-block force" : "") + (mode == RoundOptions.Mode.CLASSIC ? " --mode classic" : "")
                + " --timeout " + timeout.toMillis() + "ms";
    }
}
