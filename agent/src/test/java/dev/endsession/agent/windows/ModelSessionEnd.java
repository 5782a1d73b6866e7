package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Windows ending the session, in the {@link WindowsModel}: every top-level window is sent
 * {@code WM_QUERYENDSESSION} and answers before the next is asked; a hidden window's FALSE blocks
 * only if it registered a block reason
 * (<a href="https://learn.microsoft.com/windows/win32/shutdown/shutdown-changes-for-windows-vista">Shutdown
 * changes for Windows Vista</a>); {@code ENDSESSION_CRITICAL} ignores every FALSE; then each window
 * that answered TRUE gets {@code WM_ENDSESSION} "regardless of how the other applications respond"
 * (TRUE if nobody blocks, else FALSE), and if nobody blocked the process ends once all have returned
 * (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a>,
 * <a href="https://learn.microsoft.com/windows/win32/shutdown/wm-endsession">WM_ENDSESSION</a>).
 */
final class ModelSessionEnd {

    /**
     * What happened in one round.
     *
     * @param answers each window's answer to the query, by class name
     * @param blockers the block reasons Windows showed, by class name
     * @param ended whether the process was ended
     */
    record EndRound(Map<String, Long> answers, Map<String, String> blockers, boolean ended) {
    }

    private ModelSessionEnd() {
    }

    static EndRound run(WindowsModel windows, long lParam) {
        boolean critical = (lParam & WinUserH.ENDSESSION_CRITICAL) != 0;
        Map<String, Long> answers = new LinkedHashMap<>();
        Map<String, String> blockers = new LinkedHashMap<>();
        List<Long> agreed = new ArrayList<>();
        for (long hwnd : windows.windows()) {
            String name = windows.className(hwnd);
            long answer = windows.sendMessage(hwnd, WM_QUERYENDSESSION, 0, lParam);
            windows.record("WM_QUERYENDSESSION answered " + answer + " by " + name);
            answers.put(name, answer);
            String reason = windows.shutdownBlockReasonQuery(hwnd);
            if (answer != 0 || critical) {
                agreed.add(hwnd);
            } else if (reason != null) {
                blockers.put(name, reason);
            }
        }
        boolean ending = blockers.isEmpty();
        for (long hwnd : agreed) {
            windows.sendMessage(hwnd, WinUserH.WM_ENDSESSION, ending ? 1 : 0, lParam);
            windows.record("WM_ENDSESSION(" + (ending ? "TRUE" : "FALSE") + ") returned by " + windows.className(hwnd));
        }
        if (ending) {
            windows.record("process ended");
        }
        return new EndRound(answers, blockers, ending);
    }
}
