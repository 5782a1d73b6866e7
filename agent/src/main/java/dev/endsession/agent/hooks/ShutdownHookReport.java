package dev.endsession.agent.hooks;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Logs, when the JVM exits, each of the application's own shutdown hooks and how long it took: a
 * hook slower than {@link #SLOW} is a warning (Windows ends a process about 5 s after a console
 * close, and soon after it answered an end of session), the others are info lines.
 *
 * <p>When: armed by {@link #onEndOfSession} as the coordinator starts the cleanup of an end of
 * session; the JVM exits afterwards (the bus or Windows asks it to), and the report is made then.
 * Arming only then keeps it off the start path ({@code redefineModule} costs a few milliseconds of
 * lambda bootstrap), and not being a listener keeps it from costing a worker thread at every exit.
 * A JVM that exits on its own (SIGTERM, {@code System.exit}) has already taken its hooks out of the
 * table by the time the agent hears of it, so it gets no report.
 *
 * <p>How: the JDK keeps the hooks in {@code java.lang.ApplicationShutdownHooks.hooks}, which this
 * class replaces by a {@link TimedHooks} holding the same hooks, so it learns when the JVM starts
 * them and which they are; a hook of its own then watches them end. The field is private to
 * {@code java.base}, so {@code java.lang} is opened to the agent's own (unnamed) module alone, through
 * {@link Instrumentation#redefineModule} (what {@code --add-opens} would do for everyone). Works on
 * Java 17 to 25, whose {@code runHooks()} takes {@code hooks.keySet()} once before starting them;
 * where the field is missing or different, there is simply no report.
 */
public final class ShutdownHookReport {

    /** A hook at least this slow is reported as a warning. */
    static final Duration SLOW = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger("endsession.hooks");
    private static final long POLL_MS = 10;

    private ShutdownHookReport() {
    }

    /**
     * @param instrumentation to open {@code java.lang} to the agent when the time comes
     * @return what arms the report when an end of session starts (not when the JVM exits on its own)
     */
    public static Consumer<Set<Reason>> onEndOfSession(Instrumentation instrumentation) {
        return new Arm(instrumentation);
    }

    /** Arms the report once, when the cleanup of an end of session starts. */
    private static final class Arm implements Consumer<Set<Reason>> {
        private final Instrumentation instrumentation;
        private final AtomicBoolean armed = new AtomicBoolean();

        Arm(Instrumentation instrumentation) {
            this.instrumentation = instrumentation;
        }

        @Override
        public void accept(Set<Reason> reasons) {
            // At JVM_EXIT the JDK has already taken its hooks out of the table: nothing to arm.
            if (!reasons.contains(Reason.JVM_EXIT) && armed.compareAndSet(false, true)) {
                install(instrumentation);
            }
        }
    }

    /**
     * @param instrumentation to open {@code java.lang} to the agent
     * @return whether the report will be made
     */
    static boolean install(Instrumentation instrumentation) {
        try {
            Class<?> table = Class.forName("java.lang.ApplicationShutdownHooks");
            Module base = Object.class.getModule();
            Module self = ShutdownHookReport.class.getModule();
            if (!base.isOpen("java.lang", self)) {
                instrumentation.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(self)), Set.of(), Map.of());
            }
            Field field = table.getDeclaredField("hooks");
            field.setAccessible(true);
            TimedHooks timed;
            synchronized (table) { // the lock ApplicationShutdownHooks itself takes
                if (!(field.get(null) instanceof IdentityHashMap<?, ?> current) || current instanceof TimedHooks) {
                    return false; // shutting down already, or not the table this JDK is known to have
                }
                @SuppressWarnings("unchecked")
                IdentityHashMap<Thread, Thread> hooks = (IdentityHashMap<Thread, Thread>) current;
                timed = new TimedHooks(hooks);
                field.set(null, timed);
            }
            Runtime.getRuntime().addShutdownHook(new Reporter(timed));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("No shutdown-hook report in this JVM: {}", e.toString());
            return false;
        }
    }

    /** The report's own shutdown hook (a class, not a lambda: no lambda bootstrap at agent start). */
    private static final class Reporter extends Thread {
        private final TimedHooks timed;

        Reporter(TimedHooks timed) {
            super("endsession-hook-report");
            this.timed = timed;
        }

        @Override
        public void run() {
            report(timed);
        }
    }

    /**
     * Runs as a shutdown hook: waits for the application's hooks and logs each as it ends.
     *
     * @return each hook's name and milliseconds, in the order they ended (empty before shutdown)
     */
    static Map<String, Long> report(TimedHooks timed) {
        Map<String, Long> took = new LinkedHashMap<>();
        List<Thread> started = timed.started();
        if (started == null) {
            return took;
        }
        List<Thread> running = new ArrayList<>();
        for (Thread hook : started) {
            if (!hook.getName().startsWith("endsession-")) { // the agent's own hooks report themselves
                running.add(hook);
            }
        }
        if (running.isEmpty()) {
            LOG.info("The application has no shutdown hooks");
            return took;
        }
        String slowest = "";
        long slowestMs = -1;
        while (!running.isEmpty()) {
            join(running.get(0));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - timed.startedAt());
            for (Iterator<Thread> it = running.iterator(); it.hasNext(); ) {
                Thread hook = it.next();
                if (hook.getState() == Thread.State.TERMINATED) { // not NEW: a hook started after this one is still to run
                    it.remove();
                    String name = timed.name(hook);
                    took.put(name, ms);
                    log(name, ms);
                    if (ms > slowestMs) {
                        slowestMs = ms;
                        slowest = name;
                    }
                }
            }
        }
        LOG.info("The application's {} shutdown hooks had all ended {} ms after the JVM started them; the slowest: {}",
                took.size(), slowestMs, slowest);
        return took;
    }

    private static void log(String hook, long ms) {
        if (ms >= SLOW.toMillis()) {
            LOG.warn("Shutdown hook {} took {} ms: too slow for the end of a Windows session, which may end the "
                    + "process first", hook, ms);
        } else {
            LOG.info("Shutdown hook {} took {} ms", hook, ms);
        }
    }

    private static void join(Thread hook) {
        try {
            hook.join(POLL_MS); // a short wait, then every hook is looked at: each is timed to about this
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return e.g. {@code 'save-notes' (com.acme.notes.Notes lambda)} */
    static String describe(Thread hook) {
        Object task = hook.getClass() != Thread.class ? hook : runnableOf(hook);
        if (task == null) {
            return "'" + hook.getName() + "'"; // java.lang not open to the agent: the name alone
        }
        String type = task.getClass().getName();
        int lambda = type.indexOf("$$Lambda");
        return "'" + hook.getName() + "' (" + (lambda > 0 ? type.substring(0, lambda) + " lambda" : type) + ")";
    }

    /** The hook's Runnable: {@code Thread.target} up to Java 20, {@code Thread.holder.task} since. */
    private static Object runnableOf(Thread hook) {
        for (String[] path : new String[][] {{"target"}, {"holder", "task"}}) {
            try {
                Object value = hook;
                for (String name : path) {
                    Field field = value.getClass().getDeclaredField(name);
                    field.setAccessible(true);
                    value = field.get(value);
                }
                if (value != null) {
                    return value;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this JDK's layout; try the next
            }
        }
        return null;
    }
}
