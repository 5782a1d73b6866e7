package dev.endsession.agent.linux.logind;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.linux.SessionEnd;
import dev.endsession.agent.linux.SessionProtocol;
import dev.endsession.agent.linux.dbus.Bus;
import dev.endsession.agent.linux.dbus.DbusException;
import dev.endsession.agent.linux.dbus.EventLoop;
import dev.endsession.agent.linux.dbus.Message;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;

/**
 * logind's (or elogind's) shutdown, on the system bus, desktop or headless: a <em>delay</em>
 * inhibitor lock on {@code shutdown} (a file descriptor: logind waits until it is closed, at most
 * {@code InhibitDelayMaxUSec}); {@code PrepareForShutdown(true)} runs every cleanup, within that
 * time, then closes it; {@code PrepareForShutdown(false)} (the shutdown was cancelled) takes it
 * again. No block locks: root's power-off ignores them.
 *
 * @see <a href="https://www.freedesktop.org/wiki/Software/systemd/inhibit/">Inhibitor Locks</a>
 */
public final class Logind implements SessionProtocol {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");
    static final String NAME = "org.freedesktop.login1";
    static final String PATH = "/org/freedesktop/login1";
    static final String MANAGER = "org.freedesktop.login1.Manager";
    /** Released this long before logind's limit, so logind never has to cut the lock itself. */
    static final Duration MARGIN = Duration.ofMillis(250);

    private final EventLoop loop;
    private final SessionEnd session;
    private Bus bus;
    private String who;
    private Duration cleanupBudget;
    private int lock = -1; // the delay lock's descriptor, -1 when none; the loop's thread only (and start's)

    /**
     * @param loop the Linux bridge's D-Bus connections
     * @param session the JVM's end of session
     */
    public Logind(EventLoop loop, SessionEnd session) {
        this.loop = loop;
        this.session = session;
    }

    @Override
    public boolean start(Coordinator coordinator, AgentOptions options) throws DbusException {
        bus = loop.system();
        if (!bus.hasOwner(NAME)) {
            return false;
        }
        who = options.name();
        Duration delayMax;
        try (Message reply = bus.call(NAME, PATH, "org.freedesktop.DBus.Properties", "Get", "ss", MANAGER, "InhibitDelayMaxUSec")) {
            delayMax = Duration.ofNanos(reply.readVariantUint64() * 1000);
        }
        cleanupBudget = budget(options.exitBudget(), delayMax);
        bus.onSignal(NAME, PATH, MANAGER, "PrepareForShutdown", new Prepare());
        session.shutdownKnownBy(new PreparingForShutdown());
        take();
        LOG.debug("Holding a logind delay lock; cleanups get {} ms at shutdown", cleanupBudget.toMillis());
        return true;
    }

    /** @return the cleanups' time at shutdown: the exit budget, but within logind's limit */
    static Duration budget(Duration exitBudget, Duration delayMax) {
        Duration within = delayMax.minus(MARGIN);
        if (within.isNegative() || within.isZero()) {
            within = delayMax.dividedBy(2);
        }
        return exitBudget.compareTo(within) <= 0 ? exitBudget : within;
    }

    private void take() throws DbusException {
        if (lock >= 0) {
            return;
        }
        // On a connection of its own: the lock is a file descriptor, which only that kind receives; it outlives the connection.
        try (Bus fds = Bus.openForFileDescriptors(Bus.Kind.SYSTEM);
                Message reply = fds.call(NAME, PATH, MANAGER, "Inhibit", "ssss", "shutdown", who,
                        "Saving the application's work before shutdown", "delay")) {
            lock = reply.readFileDescriptor();
        }
    }

    private void release() {
        if (lock >= 0) {
            Message.closeFileDescriptor(lock);
            lock = -1;
        }
    }

    @Override
    public String id() {
        return "logind";
    }

    /** logind's {@code PreparingForShutdown} property, asked on the loop's thread (where the bus is used). */
    private final class PreparingForShutdown implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try (Message reply = bus.call(NAME, PATH, "org.freedesktop.DBus.Properties", "Get", "ss", MANAGER,
                    "PreparingForShutdown")) {
                return reply.readVariantBoolean();
            } catch (DbusException e) {
                LOG.debug("Asking logind whether it prepares a shutdown failed: {}", e.getMessage());
                return false;
            }
        }
    }

    /** {@code PrepareForShutdown(b)}, on the loop's thread. */
    private final class Prepare implements Bus.SignalHandler {
        @Override
        public void on(Message signal) throws DbusException {
            if (signal.readBoolean()) {
                session.shutdownHeard();
                session.end(EnumSet.of(Reason.SHUTDOWN), cleanupBudget, new Ended(), "endsession-logind-end");
            } else {
                take(); // the shutdown was cancelled: be ready for the next one
            }
        }
    }

    /** Once every cleanup is over (or its deadline passed): the lock goes, from the loop's thread. */
    private final class Ended implements Runnable {
        @Override
        public void run() {
            loop.execute(new Release());
        }
    }

    /** Closes the lock: logind may power off now. */
    private final class Release implements Runnable {
        @Override
        public void run() {
            release();
        }
    }

    @Override
    public void close() {
        loop.execute(new Release());
    }
}
