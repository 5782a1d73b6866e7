package dev.endsession.agent.bus;

import dev.endsession.api.Reason;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One application as the initiator sees it: something that can be queried, ended or cancelled,
 * notified and terminated. {@link SocketApp} is an app on the session bus; a testkit may implement
 * it over listeners in its own JVM and reuse {@link Round} unchanged.
 *
 * <p>Calls block until the app replies; the {@link Round} bounds them with its hung timeout and
 * calls {@link #close()} to give up on an app (which, on the bus, also ends the round's lease).
 */
public interface App extends AutoCloseable {

    /** @return the process id */
    long pid();

    /** @return the name shown to the user */
    String name();

    /** @return the shutdown level: higher is asked first */
    int level();

    /** @return {@code true} if the app is a service: not in the windows phase, ignores a logoff notice */
    boolean service();

    /**
     * Phase 1.
     *
     * @param reasons why the session ends
     * @param timeout how long the app has to answer
     * @return its answer
     * @throws IOException if the app could not be reached or hung up
     */
    Answer query(Set<Reason> reasons, Duration timeout) throws IOException;

    /**
     * Phase 1, saying whether listeners may ask the user ({@code false} for a probe: no prompt
     * appears, a question gets its default answer at once). An app that cannot tell asks as
     * {@link #query(Set, Duration)} does.
     */
    default Answer query(Set<Reason> reasons, Duration timeout, boolean interactionAllowed) throws IOException {
        return query(reasons, timeout);
    }

    /**
     * Phase 2: the session ends ({@code ending}) or the round is cancelled.
     *
     * @return what the app's cleanup did (empty after a cancellation)
     */
    Cleanup end(Set<Reason> reasons, boolean ending, Duration timeout) throws IOException;

    /**
     * The console notice to a process still alive after the windows phase.
     *
     * @return {@code true} if the app is ending because of it, {@code false} if it ignored it
     */
    boolean notice(Set<Reason> reasons, Duration timeout) throws IOException;

    /**
     * Termination: asks the app to exit, kills it if it is still alive after {@code grace}.
     *
     * @param ask {@code false} to kill at once (a hung app)
     * @return {@code true} once the process is verified gone
     */
    boolean terminate(boolean ask, Duration grace);

    /**
     * Waits for an app that hung up during its End to exit on its own (a cleanup that called
     * {@code System.exit}), without signalling it.
     *
     * @return {@code true} once the process is verified gone, {@code false} if still alive after {@code grace}
     */
    default boolean awaitExit(Duration grace) {
        return !alive();
    }

    /** @return {@code true} while the process is alive */
    boolean alive();

    /** Hangs up; never throws. */
    @Override
    void close();

    /** An app's answer to a query. */
    record Answer(boolean vetoed, List<String> blockReasons, List<String> hungListeners) {
        public Answer {
            blockReasons = List.copyOf(blockReasons);
            hungListeners = List.copyOf(hungListeners);
        }
    }

    /** What an app's cleanup did. */
    record Cleanup(List<String> finished, List<String> failed, List<String> overran, long tookMillis) {
        public Cleanup {
            finished = List.copyOf(finished);
            failed = List.copyOf(failed);
            overran = List.copyOf(overran);
        }
    }
}
