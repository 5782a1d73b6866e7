package dev.endsession.agent.windows;

import java.time.Duration;
import java.time.Instant;

/**
 * Starts the JVM's own exit once the agent's cleanups are done, so the application's shutdown
 * hooks run too before Windows ends the process.
 */
interface JvmShutdown {

    /** The status a JVM ends with on SIGTERM (128 + 15), which is what HotSpot and AWT raise on Windows. */
    int SIGTERM_STATUS = 143;

    /**
     * Starts the JVM's normal exit and waits for it, at most until {@code deadline}. Returns only if
     * the JVM has not halted by then (it normally halts first).
     */
    void exitAndAwait(Instant deadline);

    /** The real one: {@code Runtime.exit} on its own thread, so the caller can stop waiting at the deadline. */
    enum RuntimeExit implements JvmShutdown {
        INSTANCE;

        @Override
        public void exitAndAwait(Instant deadline) {
            Thread exit = new Thread(() -> Runtime.getRuntime().exit(SIGTERM_STATUS), "endsession-jvm-exit");
            exit.setDaemon(true);
            exit.start();
            try {
                exit.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
