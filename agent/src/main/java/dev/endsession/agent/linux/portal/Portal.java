package dev.endsession.agent.linux.portal;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.QueryReport;
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
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * xdg-desktop-portal's {@code Inhibit} interface, the way to the session from a sandbox:
 * {@code CreateMonitor}, then {@code StateChanged}: 2 (query-end) is the query, answered with
 * {@code QueryEndResponse}; 3 (ending) runs the cleanups (nobody waits for a portal client then: the
 * sooner the better); 1 after 2 is a cancel. A veto is an {@code Inhibit(logout, reason)} that then
 * <em>stands</em> until a later query agrees: taken during query-end it may come too late for that
 * round (xdg-desktop-portal 1.16 + -gtk 1.14 forward it asynchronously: measured, docs/linux.md), but
 * it blocks every later round, with its reason in GNOME's dialog. The portal knows the app by its
 * sandbox or cgroup, not by our app-id (gnome-session refuses an inhibitor without one).
 *
 * @see <a href="https://flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.Inhibit.html">Inhibit portal</a>
 */
public final class Portal implements SessionProtocol {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");
    static final String NAME = "org.freedesktop.portal.Desktop";
    static final String PATH = "/org/freedesktop/portal/desktop";
    static final String INHIBIT = "org.freedesktop.portal.Inhibit";
    static final String REQUEST = "org.freedesktop.portal.Request";
    static final String TOKEN = "endsession";
    /** Inhibit flag 1: logout. */
    static final int LOGOUT = 1;
    /** Answered well within the session manager's 1 s, as for gnome-session. */
    static final Duration ANSWER_WITHIN = Duration.ofMillis(700);

    /** {@code session-state} values. */
    static final long RUNNING = 1;
    static final long QUERY_END = 2;
    static final long ENDING = 3;

    private final EventLoop loop;
    private final SessionEnd session;
    /** Made at registration: its class loads then, not while the session manager waits for the answer. */
    private final Respond respond = new Respond();
    private Bus bus;
    private Duration cleanupBudget;
    private String monitor; // the monitor's session handle, once the portal answered
    private String inhibition; // the standing Inhibit's request handle, or null; the loop's thread only
    private long state = RUNNING;
    private int inhibitions;

    /**
     * @param loop the Linux bridge's D-Bus connections
     * @param session the JVM's end of session
     */
    public Portal(EventLoop loop, SessionEnd session) {
        this.loop = loop;
        this.session = session;
    }

    @Override
    public boolean start(Coordinator coordinator, AgentOptions options) throws DbusException {
        bus = loop.session();
        cleanupBudget = options.exitBudget();
        String requests = PATH + "/request/" + bus.uniqueName().substring(1).replace('.', '_') + "/";
        bus.onSignal(null, requests + TOKEN, REQUEST, "Response", new Created());
        bus.onSignal(null, PATH, INHIBIT, "StateChanged", new StateChanged());
        try {
            bus.send(NAME, PATH, INHIBIT, "CreateMonitor", "sa{sv}", "", 2, "handle_token", "s", TOKEN,
                    "session_handle_token", "s", TOKEN);
        } catch (DbusException e) {
            if (e.getMessage().contains("ServiceUnknown") || e.getMessage().contains("UnknownMethod")) {
                return false; // no portal, or one without a monitor
            }
            throw e;
        }
        return true;
    }

    @Override
    public String id() {
        return "portal";
    }

    /** The monitor's {@code Response}: its session handle. */
    private final class Created implements Bus.SignalHandler {
        @Override
        public void on(Message signal) throws DbusException {
            long code = signal.readUint32();
            Object handle = signal.readVardict().get("session_handle");
            if (code == 0 && handle != null) {
                monitor = handle.toString();
                LOG.debug("Monitoring the session through the portal ({})", monitor);
            } else {
                LOG.debug("The portal refused a session monitor (response {})", code);
            }
        }
    }

    /** {@code StateChanged(o, a{sv})}, on the loop's thread. */
    private final class StateChanged implements Bus.SignalHandler {
        @Override
        public void on(Message signal) throws DbusException {
            String handle = signal.readString('o');
            Map<String, Object> values = signal.readVardict();
            if (monitor == null || !monitor.equals(handle) || !(values.get("session-state") instanceof Long next)) {
                return;
            }
            long previous = state;
            state = next;
            if (next == QUERY_END) {
                session.query(EnumSet.of(Reason.LOGOFF), ANSWER_WITHIN, loop, respond, "endsession-portal-query");
            } else if (next == ENDING) {
                session.end(EnumSet.of(Reason.LOGOFF), cleanupBudget, new Nothing(), "endsession-portal-end");
            } else if (next == RUNNING && previous == QUERY_END) {
                session.cancel(EnumSet.of(Reason.LOGOFF), "endsession-portal-cancel");
            }
        }
    }

    /** Takes or drops the standing inhibitor, then {@code QueryEndResponse}; on the loop's thread. */
    private final class Respond implements Consumer<QueryReport> {
        @Override
        public void accept(QueryReport report) {
            try {
                if (report.vetoed()) {
                    inhibit(String.join("; ", report.blockReasons()));
                } else {
                    uninhibit();
                }
                bus.send(NAME, PATH, INHIBIT, "QueryEndResponse", "o", monitor);
            } catch (DbusException e) {
                LOG.debug("Answering the portal's query failed: {}", e.getMessage());
            }
        }
    }

    private void inhibit(String reason) throws DbusException {
        if (inhibition != null) {
            return; // it stands already
        }
        String token = TOKEN + "_inhibit" + ++inhibitions;
        try (Message reply = bus.call(NAME, PATH, INHIBIT, "Inhibit", "sua{sv}", "", LOGOUT, 2, "reason", "s", reason,
                "handle_token", "s", token)) {
            inhibition = reply.readString('o');
        }
    }

    private void uninhibit() {
        if (inhibition != null) {
            String handle = inhibition;
            inhibition = null;
            try {
                bus.send(NAME, handle, REQUEST, "Close", "");
            } catch (DbusException e) {
                LOG.debug("Closing the portal inhibitor failed: {}", e.getMessage());
            }
        }
    }

    /** Nothing to answer after the cleanups in state 3. */
    private static final class Nothing implements Runnable {
        @Override
        public void run() {
        }
    }

    @Override
    public void close() {
        loop.execute(new Close());
    }

    /** Drops the standing inhibitor, on the loop's thread. */
    private final class Close implements Runnable {
        @Override
        public void run() {
            uninhibit();
        }
    }
}
