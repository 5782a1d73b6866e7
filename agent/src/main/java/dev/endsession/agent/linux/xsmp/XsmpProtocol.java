package dev.endsession.agent.linux.xsmp;

import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.linux.SessionProtocol;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * XSMP, the X session management protocol of ksmserver, xfce4-session, xsm (and gnome-session's
 * older side), spoken through libSM and libICE where {@code SESSION_MANAGER} names a manager. The
 * JVM registers once, named by the {@code name} option (all these managers show of a client), and
 * one daemon thread, {@code endsession-xsmp}, connects and then sleeps until the manager speaks.
 * {@link XsmpClient} says what the JVM answers. Loaded by name by the Linux bridge.
 */
public final class XsmpProtocol implements SessionProtocol {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.xsmp");

    /** How long {@link #start} waits for the manager's welcome before it lets the thread go on alone. */
    private static final long CONNECT_WAIT_MS = 1000;

    /** The one registration of this JVM: a second one would be a second client of the same manager. */
    private static XsmpProtocol registered;

    private final Map<String, String> env;
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile XsmpConnectionJNA connection;
    private volatile boolean failed;
    private volatile boolean closed;

    /** A protocol configured from the process's environment. */
    public XsmpProtocol() {
        this(System.getenv());
    }

    XsmpProtocol(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String id() {
        return "xsmp";
    }

    /**
     * Connects on the {@code endsession-xsmp} thread and waits up to a second for the manager's
     * answer, so a manager that does not answer never delays the caller longer.
     *
     * @return {@code false} if no manager is named, libSM is missing, the manager refused, or this
     *     JVM is already registered
     */
    @Override
    public boolean start(Coordinator coordinator, AgentOptions options) {
        String address = env.get("SESSION_MANAGER");
        if (address == null || address.isBlank()) {
            return false;
        }
        synchronized (XsmpProtocol.class) {
            if (registered != null) {
                LOG.debug("This JVM is already a client of its session manager; not registering again");
                return false;
            }
            long start = System.nanoTime();
            try {
                XsmpConnectionJNA.load();
                LOG.debug("libSM and libICE loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (LinkageError e) {
                LOG.debug("No XSMP here: libSM or libICE cannot be loaded ({})", e.toString());
                return false;
            }
            registered = this;
        }
        Thread thread = new Thread(new Serving(address, coordinator, options), "endsession-xsmp");
        thread.setDaemon(true);
        thread.start();
        try {
            connected.await(CONNECT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !failed;
    }

    /** Connects, registers and serves the connection, all on this protocol's thread. */
    private final class Serving implements Runnable {
        private final String address;
        private final Coordinator coordinator;
        private final AgentOptions options;

        Serving(String address, Coordinator coordinator, AgentOptions options) {
            this.address = address;
            this.coordinator = coordinator;
            this.options = options;
        }

        @Override
        public void run() {
            XsmpConnectionJNA opened = new XsmpConnectionJNA();
            long start = System.nanoTime();
            try {
                String clientId = opened.open(address);
                opened.setProperties(options.name(), command(options.name()), System.getProperty("user.name", "?"),
                        ProcessHandle.current().pid());
                LOG.debug("Registered with the session manager as '{}', client id {}, in {} ms", options.name(), clientId,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("No XSMP session: the manager at {} did not take this JVM ({})", address, e.getMessage());
                failed = true;
                release();
                connected.countDown();
                return;
            }
            connection = opened;
            connected.countDown();
            if (closed) {
                opened.wake();
            }
            XsmpClient client = new XsmpClient(coordinator, opened, options.exitBudget(), new ExitSoon());
            opened.serve(client);
            release();
        }
    }

    /**
     * How this JVM was started, for {@code RestartCommand} and {@code CloneCommand} (XSMP requires
     * both; with {@code RestartNever} no manager runs them on its own).
     */
    static List<String> command(String name) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> program = info.command();
        if (program.isEmpty()) {
            return List.of(name);
        }
        List<String> command = new ArrayList<>();
        command.add(program.get());
        command.addAll(List.of(info.arguments().orElse(new String[0])));
        return command;
    }

    private void release() {
        synchronized (XsmpProtocol.class) {
            if (registered == this) {
                registered = null;
            }
        }
    }

    /** Leaves the session manager; the thread closes the connection and ends. */
    @Override
    public void close() {
        closed = true;
        XsmpConnectionJNA current = connection;
        if (current != null) {
            current.wake();
        }
    }

    /** {@code System.exit(0)} on a fresh thread, after {@code Die}: the app's shutdown hooks run; ours finds the cleanup done. */
    private static final class ExitSoon implements Runnable {
        @Override
        public void run() {
            Thread exit = new Thread(new SystemExit(), "endsession-xsmp-exit");
            exit.start();
        }
    }

    private static final class SystemExit implements Runnable {
        @Override
        public void run() {
            System.exit(0);
        }
    }
}
