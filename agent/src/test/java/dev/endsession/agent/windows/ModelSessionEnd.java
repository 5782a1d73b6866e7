package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.WM_ENDSESSION;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Windows ending the session, in the {@link WindowsModel}, for one process without a visible window:
 * <ul>
 * <li>every top-level window is sent {@code WM_QUERYENDSESSION} and answers before the next is asked;
 *     a hidden window's FALSE blocks only if it registered a block reason, else the process is ended
 *     (<a href="https://learn.microsoft.com/windows/win32/shutdown/shutdown-changes-for-windows-vista">Shutdown
 *     changes for Windows Vista</a>); {@code ENDSESSION_CRITICAL} ignores every FALSE;
 * <li>a window that has not answered {@code WM_QUERYENDSESSION} or {@code WM_ENDSESSION} within
 *     {@link WindowsModel#KILL_LIMIT} gets the process ended at once: no further message, no cleanup (same page);
 * <li>if someone blocks, the round is cancelled and every window that was sent {@code WM_QUERYENDSESSION}
 *     gets {@code WM_ENDSESSION(FALSE)}
 *     (<a href="https://learn.microsoft.com/previous-versions/windows/desktop/ms700677(v=vs.85)">Application
 *     Shutdown Changes in Windows Vista</a>); else each window that agreed gets {@code WM_ENDSESSION(TRUE)}
 *     and the process ends once all have returned
 *     (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-endsession">WM_ENDSESSION</a>).
 * </ul>
 */
final class ModelSessionEnd {

    /**
     * What happened in one round.
     *
     * @param answers each window's answer to the query, by class name
     * @param blockers the block reasons Windows showed, by class name
     * @param ended whether the process was ended
     * @param killed why Windows ended the process before it had answered; {@code null} if it did not
     */
    record EndRound(Map<String, Long> answers, Map<String, String> blockers, boolean ended, String killed) {
    }

    private ModelSessionEnd() {
    }

    static EndRound run(WindowsModel windows, long lParam) {
        long limit = WindowsModel.KILL_LIMIT.toMillis();
        boolean critical = (lParam & WinUserH.ENDSESSION_CRITICAL) != 0;
        Map<String, Long> answers = new LinkedHashMap<>();
        Map<String, String> blockers = new LinkedHashMap<>();
        List<Long> asked = new ArrayList<>();
        List<Long> agreed = new ArrayList<>();
        for (long hwnd : windows.windows()) {
            String name = windows.className(hwnd);
            asked.add(hwnd);
            Long answer = windows.sendWithin(hwnd, WM_QUERYENDSESSION, 0, lParam, limit);
            if (answer == null) {
                return killed(windows, answers, blockers, "WM_QUERYENDSESSION not answered within " + limit + " ms by " + name);
            }
            windows.record("WM_QUERYENDSESSION answered " + answer + " by " + name);
            answers.put(name, answer);
            String reason = windows.shownBlockReason(hwnd);
            if (answer != 0 || critical) {
                agreed.add(hwnd);
            } else if (reason != null) {
                blockers.put(name, reason);
            } else {
                return killed(windows, answers, blockers, name + " vetoed without a block reason");
            }
        }
        boolean ending = blockers.isEmpty();
        for (long hwnd : ending ? agreed : asked) {
            String name = windows.className(hwnd);
            if (windows.sendWithin(hwnd, WM_ENDSESSION, ending ? 1 : 0, lParam, limit) == null) {
                return killed(windows, answers, blockers, "WM_ENDSESSION not answered within " + limit + " ms by " + name);
            }
            windows.record("WM_ENDSESSION(" + (ending ? "TRUE" : "FALSE") + ") returned by " + name);
        }
        if (ending) {
            windows.record("process ended");
        }
        return new EndRound(answers, blockers, ending, null);
    }

    private static EndRound killed(WindowsModel windows, Map<String, Long> answers, Map<String, String> blockers, String why) {
        windows.record("process killed: " + why);
        return new EndRound(answers, blockers, true, why);
    }
}
