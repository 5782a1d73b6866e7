package dev.endsession.agent.linux;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.linux.dbus.EventLoop;
import dev.endsession.agent.linux.gnome.GnomeSession;
import dev.endsession.agent.linux.logind.Logind;
import dev.endsession.agent.linux.portal.Portal;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides which Linux protocols a JVM speaks, in this order: gnome-session over
 * D-Bus; else XSMP (GNOME speaks both: never register twice with one manager); logind wherever it
 * exists; the portal where it is the way (a sandbox that sees no gnome-session). Each starts on the
 * caller's thread; the D-Bus ones then share one event thread.
 */
final class Protocols implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");
    /** linux/xsmp's protocol, loaded by name: a build without it skips XSMP quietly. */
    static final String XSMP = "dev.endsession.agent.linux.xsmp.XsmpProtocol";

    private final Services here;
    private final SessionEnd session;
    private final List<SessionProtocol> started = new ArrayList<>();
    private EventLoop loop;

    Protocols(Services here, SessionEnd session) {
        this.here = here;
        this.session = session;
    }

    /** @return the protocols that now take part */
    List<SessionProtocol> start(Coordinator coordinator, AgentOptions options) {
        boolean dbus = here.sessionBus() || here.systemBus();
        if (dbus) {
            loop = new EventLoop();
        }
        boolean gnome = here.sessionBus() && !here.sandboxed() && start(new GnomeSession(loop, session), coordinator, options);
        if (!gnome && here.xsmp()) {
            SessionProtocol xsmp = xsmp();
            if (xsmp != null) {
                start(xsmp, coordinator, options);
            }
        }
        if (!gnome && here.sandboxed() && here.sessionBus()) {
            start(new Portal(loop, session), coordinator, options);
        }
        if (here.systemBus()) {
            start(new Logind(loop, session), coordinator, options);
        }
        if (dbus) {
            startLoop();
        }
        return List.copyOf(started);
    }

    private void startLoop() {
        if (!anyOnDbus()) {
            loop.close(); // connections no protocol uses: closed, and no thread for them
            return;
        }
        try {
            loop.start("endsession-linux");
        } catch (Exception | LinkageError e) {
            LOG.debug("The Linux bridge's event thread did not start: {}", e.toString());
            close();
        }
    }

    /** @return whether a protocol that speaks D-Bus started (all but XSMP do) */
    private boolean anyOnDbus() {
        for (SessionProtocol protocol : started) {
            if (!protocol.getClass().getName().equals(XSMP)) {
                return true;
            }
        }
        return false;
    }

    private boolean start(SessionProtocol protocol, Coordinator coordinator, AgentOptions options) {
        long begin = System.nanoTime();
        try {
            if (protocol.start(coordinator, options)) {
                started.add(protocol);
                LOG.debug("{} started in {} us", protocol.id(), (System.nanoTime() - begin) / 1000);
                return true;
            }
            LOG.debug("{}: not in this session", protocol.id());
        } catch (Exception | LinkageError e) {
            LOG.debug("{} did not start: {}", protocol.id(), e.toString());
        }
        return false;
    }

    private static SessionProtocol xsmp() {
        try {
            return (SessionProtocol) Class.forName(XSMP, true, Protocols.class.getClassLoader()).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return null; // not in this build
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debug("XSMP is not available: {}", e.toString());
            return null;
        }
    }

    @Override
    public void close() {
        for (SessionProtocol protocol : started) {
            protocol.close();
        }
        started.clear();
        if (loop != null) {
            loop.close();
        }
    }
}
