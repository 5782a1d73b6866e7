package dev.endsession.agent.linux.dbus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The one thread of the Linux bridge's D-Bus connections: it sleeps in a selector (epoll) on their
 * sockets, so an idle JVM wakes only when a message arrives; it runs the signal handlers and the
 * tasks other threads hand it ({@link #execute}: replies that must go out on a connection).
 * Connections are opened first ({@link #session()}, {@link #system()}) and used on the opening
 * thread until {@link #start}, then only here.
 */
public final class EventLoop implements AutoCloseable, Executor {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.linux");

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Bus> buses = new ArrayList<>();
    private Bus session;
    private Bus system;
    private volatile Selector selector;
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

    /** Starts the loop's daemon thread; from now on the connections belong to it. */
    public synchronized void start(String threadName) throws DbusException {
        try {
            Selector opened = Selector.open();
            for (Bus bus : buses) {
                bus.register(opened);
            }
            selector = opened;
        } catch (IOException e) {
            throw new DbusException("the event loop's selector: " + e);
        }
        thread = new Thread(new Run(), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop's thread, soon; from any thread. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        wake();
    }

    private void wake() {
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    /** Stops the loop; the connections close on its thread. Never throws. */
    @Override
    public void close() {
        closed = true;
        if (thread == null) {
            buses.forEach(Bus::close); // never started: still the opening thread's
        } else {
            wake();
        }
    }

    /** The loop's body. */
    private final class Run implements Runnable {
        @Override
        public void run() {
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
                    selector.select();
                    selector.selectedKeys().clear();
                }
            } catch (IOException | RuntimeException | Error e) {
                LOG.debug("The Linux bridge's event loop stopped: {}", e.toString());
            } finally {
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    runTask(task); // what close() left: a last message, an unregistration
                }
                buses.forEach(Bus::close);
                try {
                    selector.close();
                } catch (IOException e) {
                    // closing: nothing left to do
                }
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
