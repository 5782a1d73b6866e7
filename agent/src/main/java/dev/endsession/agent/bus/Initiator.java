package dev.endsession.agent.bus;

import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plays the system on the session bus: takes the session's round lock (one round at a time),
 * connects to every app's endpoint in parallel, and runs a {@link Round}, on one set of threads
 * (the same thread reaches an app, asks it, and ends or cancels it). Used by the CLI and by
 * {@link BusBridge#initiate} inside an app. Thread-safe: calls share nothing but the directory, and
 * the round lock keeps rounds apart, across processes too.
 */
public final class Initiator {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Path root;
    private final String ownSession;

    /**
     * @param root the root of the session directories
     * @param ownSession the initiator's own session (the other-session rule compares against it)
     */
    public Initiator(Path root, String ownSession) {
        this.root = root;
        this.ownSession = ownSession;
    }

    /** @param env the environment: {@code ENDSESSION_BUS_DIR}, {@code XDG_RUNTIME_DIR}, {@code ENDSESSION_SESSION} */
    public static Initiator fromEnvironment(Map<String, String> env) {
        return new Initiator(SessionDirectory.root(env), SessionDirectory.ownSession(env));
    }

    /** @return the initiator's own session */
    public String ownSession() {
        return ownSession;
    }

    /**
     * Lists the apps of a session as they describe themselves.
     *
     * @param session the session to look at
     * @throws BusException if there is no usable bus for it
     */
    public List<Message.Info> status(String session) throws BusException {
        try (Fanout fanout = new Fanout()) {
            Reached reached = connect(directory(session), CONNECT_TIMEOUT, fanout, Progress.NONE);
            reached.refused().forEach(app -> LOG.warn("Refused {}", app.reason()));
            List<SocketApp> apps = reached.apps();
            try {
                return apps.stream().map(SocketApp::info).toList();
            } finally {
                apps.forEach(SocketApp::close);
            }
        }
    }

    /**
     * Runs a round in {@code session}: notifications only if it is not the initiator's own session.
     *
     * @param session the target session
     * @param options how to run the round ({@code notifyOnly} is set here, from the sessions)
     * @param progress live progress
     * @throws BusException if there is no bus, no app, or another round is running
     */
    public RoundResult run(String session, RoundOptions options, Progress progress) throws BusException {
        return run(session, options, progress, false);
    }

    /**
     * Asks who would block a {@code kind} in {@code session}, and why, without ending anything: a
     * {@link Probe} (a query with interaction not allowed, then a cancel to every app that answered),
     * under the round lock like any round.
     *
     * @param session the target session
     * @param kind LOGOFF, SHUTDOWN or RESTART: what the apps are asked about
     * @param timeout the hung timeout
     * @param progress told who is asked and what they answered
     * @return the outcome: {@link RoundResult#ended()} if nobody would block
     * @throws BusException if there is no bus, no app, or another round is running
     */
    public RoundResult probe(String session, Reason kind, Duration timeout, Progress progress) throws BusException {
        return run(session, Probe.options(kind, timeout), Probe.answersOnly(progress), true);
    }

    private RoundResult run(String session, RoundOptions options, Progress progress, boolean probe) throws BusException {
        SessionDirectory directory = directory(session);
        boolean other = !session.equals(ownSession);
        RoundOptions effective = options.withNotifyOnly(other || options.notifyOnly());
        try (FileChannel file = FileChannel.open(directory.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(file, directory);
                Fanout fanout = new Fanout()) {
            Reached reached = connect(directory, options.timeout(), fanout, progress);
            List<SocketApp> apps = reached.apps();
            if (apps.isEmpty()) {
                throw new BusException("no app is attached to session '" + session + "' (" + directory.path() + ")"
                        + reached.refused().stream().map(app -> "; " + app.reason()).collect(Collectors.joining()));
            }
            try {
                RoundResult result = Round.run(probe ? Probe.of(apps) : apps, effective, progress, fanout);
                List<AppOutcome> all = new ArrayList<>(result.apps());
                all.addAll(reached.refused());
                return new RoundResult(result.ended(), result.options(), all);
            } finally {
                apps.forEach(SocketApp::close);
            }
        } catch (IOException e) {
            throw new BusException("the round lock in " + directory.path() + " cannot be used: " + e.getMessage());
        }
    }

    private static FileLock tryLock(FileChannel file, SessionDirectory directory) throws BusException, IOException {
        FileLock lock;
        try {
            lock = file.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very JVM runs a round already
        }
        if (lock == null) {
            throw new BusException("another end-of-session round is running in session '" + directory.session()
                    + "'; try again when it is over");
        }
        return lock;
    }

    private SessionDirectory directory(String session) throws BusException {
        try {
            return SessionDirectory.existing(root, session);
        } catch (IOException e) {
            throw new BusException(e.getMessage());
        }
    }

    /** The apps reached and verified, and the socket entries refused (each with why). */
    private record Reached(List<SocketApp> apps, List<AppOutcome> refused) {
    }

    /**
     * Connects to every endpoint, proves who is behind it ({@link PeerCheck}) and says hello, to all
     * at once. A socket nobody listens on is skipped (and removed if its process is gone); an app
     * that does not accept or does not say hello in time stays in the list, as hung; an entry that
     * is not what its name says is refused, never signalled, and reported if its pid lives.
     */
    private static Reached connect(SessionDirectory directory, Duration timeout, Fanout fanout, Progress progress)
            throws BusException {
        HeldDirectory held;
        try {
            held = directory.hold();
        } catch (IOException e) {
            throw new BusException(e instanceof UnsafeDirectoryException ? e.getMessage()
                    : "cannot list " + directory.path() + ": " + e.getMessage());
        }
        try (held) {
            List<Endpoint.Address> addresses = held.endpoints();
            // Read after the listing: every listed socket's listener exists by then (bound, listening, then renamed).
            ListeningSockets listening = ListeningSockets.read();
            Reached reached = reach(held, addresses, new PeerCheck(held.owner(), listening), timeout, fanout, progress);
            if (listening != null) {
                missing(directory, addresses, listening).forEach(outcome -> {
                    reached.refused().add(outcome);
                    progress.refused(outcome);
                });
            }
            return reached;
        }
    }

    /**
     * @return the apps that listen in the directory (the kernel's record) but whose socket is missing
     *     from it, deleted while they run: never asked, never signalled, and never left out silently
     */
    private static List<AppOutcome> missing(SessionDirectory directory, List<Endpoint.Address> listed, ListeningSockets listening) {
        List<AppOutcome> missing = new ArrayList<>();
        Set<Long> known = new HashSet<>();
        listed.forEach(address -> known.add(address.pid()));
        for (long pid : listening.pidsBoundIn(directory.path())) {
            Path socket = directory.socketFor(pid);
            boolean there = Files.exists(socket, LinkOption.NOFOLLOW_LINKS)
                    || Files.exists(directory.path().resolve(pid + ".binding"), LinkOption.NOFOLLOW_LINKS); // a newcomer
            if (!known.contains(pid) && !there && listening.unproven(pid) == null) {
                missing.add(AppOutcome.refused(pid, socket + " is missing while pid " + pid + " listens (it cannot be reached)"));
            }
        }
        return missing;
    }

    private static Reached reach(HeldDirectory held, List<Endpoint.Address> addresses, PeerCheck check, Duration timeout,
            Fanout fanout, Progress progress) {
        List<SocketApp> apps = new ArrayList<>();
        for (Endpoint.Address address : addresses) {
            try {
                apps.add(SocketApp.unconnected(address));
            } catch (IOException e) {
                LOG.warn("Skipping the app at {}: {}", address.socket(), e.toString());
            }
        }
        List<SocketApp> unreachable = new ArrayList<>();
        List<AppOutcome> refused = new ArrayList<>();
        fanout.call(apps, timeout, app -> app.reach(check), (app, waited) -> {
        }).forEach((app, reply) -> {
            if (reply.ok()) {
                return;
            }
            boolean connected = app.connected();
            app.close();
            if (reply.error() instanceof RefusedPeerException refusal) {
                unreachable.add(app);
                if (!held.removeIfGone(app.address())) { // a refused entry whose pid lives is never silent
                    AppOutcome outcome = AppOutcome.refused(app.pid(), app.address().socket() + ": " + refusal.getMessage());
                    refused.add(outcome);
                    progress.refused(outcome);
                }
            } else if (reply.error() != null && !connected) {
                // Its process died without closing; or the pid is alive, a leftover of an earlier process with the same pid.
                boolean gone = held.removeIfGone(app.address()); // logged when removed
                if (!gone && reply.error() instanceof ConnectException) {
                    LOG.debug("Skipping {}: nobody listens there", app.address().socket());
                } else if (!gone) {
                    LOG.warn("Skipping the app at {}: {}", app.address().socket(), reply.error().toString());
                }
                unreachable.add(app);
            } else { // it stays in the round as an app that does not respond
                LOG.warn("The app with pid {} does not respond: {}", app.pid(),
                        reply.timedOut() ? "no hello within " + timeout.toMillis() + " ms" : reply.error().toString());
            }
        });
        apps.removeAll(unreachable);
        apps.sort(Comparator.comparingLong(SocketApp::pid));
        return new Reached(apps, refused);
    }
}
