package dev.endsession.agent.linux.dbus;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The one thread of the Linux bridge's D-Bus connections: it sleeps in {@code poll(2)} on their
 * sockets and an eventfd, so an idle JVM wakes only when a message arrives; it runs the signal
 * handlers and the tasks other threads hand it ({@link #execute}: replies that must go out on a connection).
 * Connections are opened first ({@link #session()}, {@link #system()}) and used on the opening
 * thread until {@link #start}, then only here.
 */
public final class EventLoop implements AutoCloseable, Executor {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Bus> buses = new ArrayList<>();
    private Bus session;
    private Bus system;
    private volatile int wake = -1;
    private Thread thread;
    private volatile boolean closed;

    /** @return the session bus connection, opened on first use */
    public Bus session() throws DbusException {
        if (session == null) {
            session = add(Bus.open(Bus.Kind.SESSION));
        }
        return session;
    }

    /** @return the system bus connection, opened on first use */
    public Bus system() throws DbusException {
        if (system == null) {
            system = add(Bus.open(Bus.Kind.SYSTEM));
        }
        return system;
    }

    private Bus add(Bus bus) {
        buses.add(bus);
        return bus;
    }

    /** @return whether any connection was opened (else there is nothing to start) */
    public boolean inUse() {
        return !buses.isEmpty();
    }

    /** Starts the loop's daemon thread; from now on the connections belong to it. */
    public synchronized void start(String threadName) throws DbusException {
        wake = LibC.eventfd(0, LibC.EFD_FLAGS);
        if (wake < 0) {
            throw new DbusException("eventfd failed");
        }
        thread = new Thread(new Run(), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop's thread, soon; from any thread. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        signal();
    }

    private void signal() {
        int fd = wake;
        if (fd >= 0) {
            LibC.write(fd, new long[] {1});
        }
    }

    /** Stops the loop; the connections close on its thread. Never throws. */
    @Override
    public void close() {
        closed = true;
        if (thread == null) {
            buses.forEach(Bus::close); // never started: still the opening thread's
        } else {
            signal();
        }
    }

    /** The loop's body. */
    private final class Run implements Runnable {
        private final long[] drain = new long[1];

        @Override
        public void run() {
            long pollfds = Native.malloc(8L * (buses.size() + 1)); // struct pollfd[]: freed below, never left to JNA's cleaner
            Pointer fds = new Pointer(pollfds);
            try {
                while (!closed) {
                    for (Runnable task; (task = tasks.poll()) != null; ) {
                        runTask(task);
                    }
                    for (Bus bus : buses) {
                        bus.processAll();
                    }
                    if (!tasks.isEmpty()) {
                        continue; // a handler submitted work: no sleep before it runs
                    }
                    int timeout = -1;
                    for (int i = 0; i < buses.size(); i++) {
                        Bus bus = buses.get(i);
                        fds.setInt(8L * i, bus.fd());
                        fds.setShort(8L * i + 4, bus.events());
                        fds.setShort(8L * i + 6, (short) 0);
                        int t = bus.timeoutMillis();
                        timeout = t < 0 ? timeout : timeout < 0 ? t : Math.min(timeout, t);
                    }
                    long last = 8L * buses.size();
                    fds.setInt(last, wake);
                    fds.setShort(last + 4, LibC.POLLIN);
                    fds.setShort(last + 6, (short) 0);
                    LibC.poll(fds, buses.size() + 1, timeout);
                    if (fds.getShort(last + 6) != 0) {
                        LibC.read(wake, drain);
                    }
                }
            } catch (RuntimeException | Error e) {
                LOG.debug("The Linux bridge's event loop stopped: {}", e.toString());
            } finally {
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    runTask(task); // what close() left: a last message, an unregistration
                }
                buses.forEach(Bus::close);
                int fd = wake;
                wake = -1;
                LibC.close(fd);
                Native.free(pollfds);
            }
        }

        private void runTask(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.debug("A Linux bridge task failed: {}", e.toString());
            }
        }
    }
}
