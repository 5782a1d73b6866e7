package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.MAX_STR_BLOCKREASON;
import static dev.endsession.agent.windows.WinUserH.WM_CLOSE;
import static dev.endsession.agent.windows.WinUserH.WM_DESTROY;
import static dev.endsession.agent.windows.WinUserH.WM_ENDSESSION;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The window procedure of the agent's hidden top-level window: the JVM's answer to the end of the
 * session. Runs on the window's own thread, which is why it may register the block reason itself.
 *
 * <ul>
 * <li>{@code WM_QUERYENDSESSION}: asks the coordinator; on a veto registers the reasons with
 *     {@code ShutdownBlockReasonCreate} (a window that is not visible can block only with one) and
 *     returns FALSE, else removes any old reason and returns TRUE.
 *     (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a>,
 *     <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasoncreate">ShutdownBlockReasonCreate</a>)
 * <li>{@code WM_ENDSESSION(TRUE)}: runs the cleanups and then the JVM's own exit <em>before</em>
 *     returning: Windows may end the process at any moment after the handler returns.
 *     {@code WM_ENDSESSION(FALSE)}: the round was cancelled; the reason is removed.
 *     (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-endsession">WM_ENDSESSION</a>)
 * <li>{@code WM_CLOSE}: {@code taskkill} without /F sends it to every top-level window, hidden ones
 *     too, and {@code DefWindowProc} would destroy this one, leaving the JVM deaf: handled instead as a
 *     polite request to exit (<a href="https://learn.microsoft.com/windows/win32/winmsg/wm-close">WM_CLOSE</a>).
 * </ul>
 */
final class EndSessionWindow implements Win32Port.WindowProc {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");

    private final Win32Port port;
    private final Coordinator coordinator;
    private final Budgets budgets;
    private final Ending ending;
    private final Duration exitBudget;
    private boolean blocking; // only touched on the window thread

    /** @param exitBudget how long the cleanups may take after a {@code WM_CLOSE}, when Windows is not waiting */
    EndSessionWindow(Win32Port port, Coordinator coordinator, Budgets budgets, Ending ending, Duration exitBudget) {
        this.port = port;
        this.coordinator = coordinator;
        this.budgets = budgets;
        this.ending = ending;
        this.exitBudget = exitBudget;
    }

    @Override
    public long call(long hwnd, int message, long wParam, long lParam) {
        try {
            return answer(hwnd, message, wParam, lParam);
        } catch (RuntimeException | LinkageError e) {
            // Nothing may escape into Windows' call; the default answer agrees, as a window without the agent would.
            LOG.error("The end-of-session window failed on message 0x{}: {}", Integer.toHexString(message), e.toString());
            return message == WM_CLOSE ? 0 : port.defWindowProc(hwnd, message, wParam, lParam);
        }
    }

    private long answer(long hwnd, int message, long wParam, long lParam) {
        return switch (message) {
            case WM_QUERYENDSESSION -> query(hwnd, EndSessionFlags.decode(lParam)) ? 1 : 0;
            case WM_ENDSESSION -> {
                end(hwnd, wParam != 0, EndSessionFlags.decode(lParam));
                yield 0;
            }
            case WM_CLOSE -> {
                ending.closeRequested(exitBudget);
                yield 0; // not DefWindowProc: the window stays until the JVM exits
            }
            case WM_DESTROY -> {
                blocking = false; // a block reason goes with its window
                yield 0;
            }
            default -> port.defWindowProc(hwnd, message, wParam, lParam);
        };
    }

    private boolean query(long hwnd, Set<Reason> reasons) {
        // CRITICAL: Windows will not wait for anyone. CLOSE_APP: the Restart Manager expects the app to save without asking
        // (https://learn.microsoft.com/windows/win32/rstmgr/guidelines-for-applications).
        boolean mayAsk = !reasons.contains(Reason.CRITICAL) && !reasons.contains(Reason.CLOSE_APP);
        QueryReport report = coordinator.query(reasons, Instant.now().plus(budgets.query()), mayAsk);
        if (report.vetoed()) {
            block(hwnd, blockText(report));
            return false;
        }
        unblock(hwnd);
        return true;
    }

    private void end(long hwnd, boolean confirmed, Set<Reason> reasons) {
        unblock(hwnd);
        if (confirmed) {
            ending.run(reasons, budgets.end());
        } else {
            coordinator.cancel(reasons);
        }
    }

    private void block(long hwnd, String text) {
        try {
            port.shutdownBlockReasonCreate(hwnd, text);
            blocking = true;
        } catch (Win32Failure e) {
            LOG.warn("Could not register the block reason '{}': {}", text, e.getMessage());
        }
    }

    private void unblock(long hwnd) {
        if (!blocking) {
            return;
        }
        try {
            port.shutdownBlockReasonDestroy(hwnd);
            blocking = false;
        } catch (Win32Failure e) {
            LOG.warn("Could not remove the block reason: {}", e.getMessage());
        }
    }

    /** Every listener's reason, on one line Windows can show (it shows at most 256 characters). */
    static String blockText(QueryReport report) {
        String text = String.join("; ", report.blockReasons());
        return text.length() <= MAX_STR_BLOCKREASON ? text : text.substring(0, MAX_STR_BLOCKREASON - 1) + "…";
    }
}
