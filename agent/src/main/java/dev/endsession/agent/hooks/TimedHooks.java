package dev.endsession.agent.hooks;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for the JDK's own table of application shutdown hooks
 * ({@code java.lang.ApplicationShutdownHooks.hooks}, an {@code IdentityHashMap<Thread, Thread>}),
 * and behaves exactly like it, except that it notes the moment the JVM takes the hooks out to start
 * them, and what each hook runs: {@code ApplicationShutdownHooks.runHooks()} calls {@link #keySet()} once, just before
 * starting every hook. Thread-safe where the JDK uses it (under its class lock).
 */
final class TimedHooks extends IdentityHashMap<Thread, Thread> {

    private static final long serialVersionUID = 1L;

    private transient volatile List<Thread> started;
    private transient volatile Map<Thread, String> names;
    private transient volatile long startedAt;

    TimedHooks(IdentityHashMap<Thread, Thread> current) {
        super(current);
    }

    @Override
    public Set<Thread> keySet() {
        if (started == null) {
            startedAt = System.nanoTime();
            List<Thread> hooks = List.copyOf(super.keySet());
            // Named now: a thread forgets its Runnable when it ends.
            Map<Thread, String> described = new IdentityHashMap<>();
            for (Thread hook : hooks) {
                described.put(hook, ShutdownHookReport.describe(hook));
            }
            names = described;
            started = hooks;
        }
        return super.keySet();
    }

    /** @return the hooks the JVM started, or null before shutdown */
    List<Thread> started() {
        return started;
    }

    /** @return how the report names {@code hook}, e.g. {@code 'flush' (com.acme.App lambda)} */
    String name(Thread hook) {
        return names.getOrDefault(hook, "'" + hook.getName() + "'");
    }

    /** @return {@link System#nanoTime()} when the JVM started the hooks */
    long startedAt() {
        return startedAt;
    }
}
