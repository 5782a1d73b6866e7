package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.SPI_GETHUNGAPPTIMEOUT;
import static dev.endsession.agent.windows.WinUserH.SPI_GETWAITTOKILLTIMEOUT;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How long each Windows notice lets the process work, every budget ending well before Windows ends
 * the process. The limit: a process without a visible window that has not answered
 * {@code WM_QUERYENDSESSION} or {@code WM_ENDSESSION} within 5 s is terminated
 * (<a href="https://learn.microsoft.com/windows/win32/shutdown/shutdown-changes-for-windows-vista">Shutdown changes for Windows Vista</a>);
 * a console process once its handler has run for {@code SPI_GETHUNGAPPTIMEOUT} after
 * {@code CTRL_CLOSE_EVENT}, or {@code SPI_GETWAITTOKILLTIMEOUT} (the {@code WaitToKillAppTimeout} value)
 * after a logoff or shutdown, 5 s each by default (microsoft/terminal, {@code doc/ConsoleCtrlEvent.md},
 * from ntuser's {@code exitwin.c}). A lower value set on the machine lowers the limit; a higher one does not raise
 * the 5 s of the messages.
 *
 * <p>Within a limit L (5 s by default): the answer to a query is due at 4/5 L (4 s); at the end the
 * cleanups get at most 3/5 L (3 s, or less if {@code exit-budget} is shorter), then the JVM's own
 * exit, that is the application's shutdown hooks, gets what is left until 4/5 L (at least 1 s); the last
 * fifth is the margin for the thread hand-overs and a loaded machine.
 *
 * @param query the time to answer {@code WM_QUERYENDSESSION}
 * @param end after a confirmed {@code WM_ENDSESSION}, and after {@code CTRL_CLOSE_EVENT},
 *        {@code CTRL_LOGOFF_EVENT} or {@code CTRL_SHUTDOWN_EVENT} (one limit: the shortest of the three readings)
 */
record Budgets(Duration query, End end) {

    /** Windows' limit for the end-of-session messages when nothing lowers it. */
    static final Duration MESSAGE_LIMIT = Duration.ofSeconds(5);

    /**
     * The time after one end notice.
     *
     * @param limit when Windows ends the process
     * @param cleanups how long the listeners' cleanups may take
     * @param total when the handler returns at the latest: the JVM's exit (shutdown hooks) gets what the cleanups left
     */
    record End(Duration limit, Duration cleanups, Duration total) {

        static End within(Duration limit, Duration exitBudget) {
            Duration cap = limit.multipliedBy(3).dividedBy(5);
            return new End(limit, exitBudget.compareTo(cap) < 0 ? exitBudget : cap, limit.multipliedBy(4).dividedBy(5));
        }

        /** @return the least time the application's shutdown hooks get */
        Duration hooks() {
            return total.minus(cleanups);
        }
    }

    /**
     * @param hungApp {@code SPI_GETHUNGAPPTIMEOUT} in ms, if Windows has it
     * @param waitToKill {@code SPI_GETWAITTOKILLTIMEOUT} in ms, if Windows has it
     * @param exitBudget the {@code exit-budget} option: how long cleanups may take
     */
    static Budgets of(OptionalLong hungApp, OptionalLong waitToKill, Duration exitBudget) {
        Duration limit = shorter(hungApp, shorter(waitToKill, MESSAGE_LIMIT));
        return new Budgets(limit.multipliedBy(4).dividedBy(5), End.within(limit, exitBudget));
    }

    /** Reads the machine's limits through the port; a value Windows does not have keeps the default. */
    static Budgets of(Win32Port port, Duration exitBudget) {
        return of(port.systemTimeoutMillis(SPI_GETHUNGAPPTIMEOUT), port.systemTimeoutMillis(SPI_GETWAITTOKILLTIMEOUT), exitBudget);
    }

    private static Duration shorter(OptionalLong millis, Duration than) {
        // A zero or absurd reading is ignored: Windows would not end a process at once.
        return millis.isPresent() && millis.getAsLong() >= 1000 && millis.getAsLong() < than.toMillis()
                ? Duration.ofMillis(millis.getAsLong()) : than;
    }

    /** @return the line said once at start when {@code exit-budget} is longer than Windows lets the cleanups run */
    Optional<String> overCap(Duration exitBudget) {
        if (exitBudget.compareTo(end.cleanups()) <= 0) {
            return Optional.empty();
        }
        return Optional.of("exit-budget=" + exitBudget.toMillis() + "ms is longer than Windows waits after WM_ENDSESSION or a console"
                + " close (" + end.limit().toMillis() + " ms, then it ends the process): on Windows the cleanups get "
                + end.cleanups().toMillis() + " ms and the application's shutdown hooks at least " + end.hooks().toMillis() + " ms");
    }
}
