package dev.endsession.agent.linux.gnome;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.agent.linux.AppId;
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
import java.util.Set;
import java.util.function.Consumer;

/**
 * gnome-session's client protocol on the session bus: {@code RegisterClient}, then the
 * {@code ClientPrivate} signals. {@code QueryEndSession} is the query, answered well within
 * gnome-session's 1 s (after that GNOME's dialog lists the app as not responding). A veto is
 * {@code EndSessionResponse(false, reasons)}: gnome-session then holds an inhibitor with those reasons
 * for this client until the round ends, which is what GNOME's dialog lists (as Windows'
 * {@code ShutdownBlockReasonCreate}); a standing {@code Inhibit} of our own beside it would be listed
 * as a second, identical row (measured: docs/linux.md). {@code EndSession} runs every cleanup
 * <em>before</em> the answer (gnome-session may end the phase as soon as another client answers);
 * {@code Stop} exits the JVM.
 *
 * @see <a href="https://gitlab.gnome.org/GNOME/gnome-session/-/blob/main/gnome-session/org.gnome.SessionManager.ClientPrivate.xml">ClientPrivate</a>
 */
public final class GnomeSession implements SessionProtocol {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");
    static final String NAME = "org.gnome.SessionManager";
    static final String PATH = "/org/gnome/SessionManager";
    static final String CLIENT = "org.gnome.SessionManager.ClientPrivate";
    /** {@code GSM_CLIENT_END_SESSION_FLAG_FORCEFUL}: the end comes whatever the answer. */
    static final long FORCEFUL = 1;
    /** gnome-session waits 1 s for the answers to QueryEndSession; this leaves room for a loaded machine. */
    static final Duration ANSWER_WITHIN = Duration.ofMillis(700);

    private final EventLoop loop;
    private final SessionEnd session;
    /** Made at registration: its class loads then, not while gnome-session waits for the answer. */
    private final Respond respond = new Respond();
    private Bus bus;
    private String client;
    private String appId;
    private Duration cleanupBudget;

    /**
     * @param loop the Linux bridge's D-Bus connections
     * @param session the JVM's end of session
     */
    public GnomeSession(EventLoop loop, SessionEnd session) {
        this.loop = loop;
        this.session = session;
    }

    @Override
    public boolean start(Coordinator coordinator, AgentOptions options) throws DbusException {
        bus = loop.session();
        if (!bus.hasOwner(NAME)) {
            return false;
        }
        appId = AppId.of(options.appId(), options.name(), System.getenv());
        cleanupBudget = options.exitBudget();
        String startupId = System.getenv().getOrDefault("DESKTOP_AUTOSTART_ID", "");
        try (Message reply = bus.call(NAME, PATH, NAME, "RegisterClient", "ss", appId, startupId)) {
            client = reply.readString('o');
        }
        bus.onSignal(NAME, client, CLIENT, null, new Signals());
        LOG.debug("Registered with gnome-session as {} ({})", client, appId);
        return true;
    }

    @Override
    public String id() {
        return "gnome-session";
    }

    /** The client's signals, on the loop's thread. */
    private final class Signals implements Bus.SignalHandler {
        @Override
        public void on(Message signal) throws DbusException {
            String member = signal.member();
            switch (member) {
                case "QueryEndSession" -> query(signal.readUint32());
                case "EndSession" -> end();
                case "CancelEndSession" -> cancel();
                case "Stop" -> session.exit("endsession-gnome-stop");
                default -> LOG.debug("gnome-session sent {}", member);
            }
        }
    }

    private void query(long flags) {
        Set<Reason> reasons = EnumSet.of(Reason.LOGOFF);
        if ((flags & FORCEFUL) != 0) {
            reasons.add(Reason.CRITICAL); // asked, but the end comes whatever we answer
        }
        session.query(reasons, ANSWER_WITHIN, loop, respond, "endsession-gnome-query");
    }

    /** {@code EndSessionResponse} for a query, on the loop's thread. */
    private final class Respond implements Consumer<QueryReport> {
        @Override
        public void accept(QueryReport report) {
            try {
                respond(!report.vetoed(), String.join("; ", report.blockReasons()));
            } catch (DbusException e) {
                LOG.debug("Answering gnome-session's query failed: {}", e.getMessage());
            }
        }
    }

    private void respond(boolean ok, String reason) throws DbusException {
        bus.send(NAME, client, CLIENT, "EndSessionResponse", "bs", ok ? 1 : 0, reason);
    }

    private void end() {
        session.end(session.upgrade(EnumSet.of(Reason.LOGOFF)), cleanupBudget, new Ended(), "endsession-gnome-end");
    }

    /** Once every cleanup is over: the answer to EndSession, from the loop's thread. */
    private final class Ended implements Runnable {
        @Override
        public void run() {
            loop.execute(new Done());
        }
    }

    /** {@code EndSessionResponse(true)} for EndSession. */
    private final class Done implements Runnable {
        @Override
        public void run() {
            try {
                respond(true, "");
            } catch (DbusException e) {
                LOG.debug("Answering gnome-session's EndSession failed: {}", e.getMessage());
            }
        }
    }

    private void cancel() {
        session.cancel(EnumSet.of(Reason.LOGOFF), "endsession-gnome-cancel");
    }

    /** Unregisters: gnome-session then no longer waits for this JVM. */
    @Override
    public void close() {
        loop.execute(new Unregister());
    }

    /** {@code UnregisterClient}, on the loop's thread. */
    private final class Unregister implements Runnable {
        @Override
        public void run() {
            if (client != null) {
                try {
                    bus.send(NAME, PATH, NAME, "UnregisterClient", "o", client);
                } catch (DbusException e) {
                    LOG.debug("UnregisterClient failed: {}", e.getMessage());
                }
            }
        }
    }
}
