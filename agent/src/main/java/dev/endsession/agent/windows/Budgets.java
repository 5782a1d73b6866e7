package dev.endsession.agent.windows;

import java.time.Duration;

/**
 * How long each Windows notice lets the process work.
 *
 * @param query to answer {@code WM_QUERYENDSESSION}: after 5 s Windows shows the apps that block
 *        (<a href="https://learn.microsoft.com/windows/win32/shutdown/shutdown-changes-for-windows-vista">Shutdown changes for Windows Vista</a>)
 * @param end to clean up in {@code WM_ENDSESSION}, and then for the JVM's own exit
 * @param console to clean up after a console event: Windows ends the process about 5 s after
 *        {@code CTRL_CLOSE_EVENT} (<a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a>)
 */
record Budgets(Duration query, Duration end, Duration console) {

    /** Windows' 5 s for the query; the agent's exit budget for cleaning up. */
    static Budgets of(Duration exitBudget) {
        return new Budgets(Duration.ofSeconds(5), exitBudget, exitBudget);
    }
}
