package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.WM_CLOSE;
import static dev.endsession.agent.windows.WinUserH.WM_ENDSESSION;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes over the end-of-session answer of AWT's hidden toolkit window (class {@code SunAwtToolkit},
 * a top-level window owned by the AWT toolkit thread).
 *
 * <p>Why: in OpenJDK's {@code awt_Toolkit.cpp}, that window answers {@code WM_QUERYENDSESSION} by
 * raising SIGTERM at once, so the JVM starts shutting down at the <em>query</em>, before anyone could
 * veto, and it ignores {@code WM_ENDSESSION} unless it raised SIGTERM. Once subclassed
 * ({@code SetWindowLongPtr(GWLP_WNDPROC)},
 * <a href="https://learn.microsoft.com/windows/win32/winmsg/about-window-procedures#window-subclassing">window subclassing</a>),
 * it agrees at once, so the process's answer is the agent window's alone, and it never raises
 * SIGTERM: after a confirmed end the agent's window runs the cleanups and then the JVM's normal exit
 * (the same status SIGTERM would give), so AWT's shutdown hooks still run. Every other message goes
 * to AWT's own procedure. The AWT thread is never blocked: the answers are immediate.
 *
 * <p>Thread-safe: windows are found on the agent's window thread, and the new procedure runs on
 * AWT's toolkit thread.
 */
final class AwtTakeover implements Win32Port.WindowCreated {

    /** The window class of AWT's toolkit window ({@code szAwtToolkitClassName} in awt_Toolkit.cpp). */
    static final String TOOLKIT_CLASS = "SunAwtToolkit";

    private static final Logger LOG = LoggerFactory.getLogger("endsession.windows");

    private final Win32Port port;
    private final Set<Long> taken = ConcurrentHashMap.newKeySet();

    AwtTakeover(Win32Port port) {
        this.port = port;
    }

    /** Watches for the toolkit window and takes over one that exists already. Window thread. */
    void start() {
        port.watchWindowCreation(this);
        port.processWindowsOfClass(TOOLKIT_CLASS).forEach(this::takeOver);
    }

    @Override
    public void created(long hwnd) {
        try {
            if (TOOLKIT_CLASS.equals(port.className(hwnd))) {
                takeOver(hwnd);
            }
        } catch (Win32Failure | LinkageError e) {
            LOG.debug("Could not read the class of a new window: {}", e.toString());
        }
    }

    private void takeOver(long hwnd) {
        if (!taken.add(hwnd)) {
            return;
        }
        try {
            port.subclass(hwnd, awt -> (h, message, wParam, lParam) -> switch (message) {
                // Agree at once; the agent's own window gives the process's answer.
                case WM_QUERYENDSESSION -> 1;
                // AWT did not raise SIGTERM, so its own procedure would ignore this too; the agent's window ends the JVM.
                case WM_ENDSESSION -> 0;
                // taskkill's WM_CLOSE: the agent's window answers it; DefWindowProc would destroy AWT's toolkit window meanwhile.
                case WM_CLOSE -> 0;
                default -> awt.call(h, message, wParam, lParam);
            });
            LOG.debug("Took over the end-of-session answer of AWT's toolkit window");
        } catch (Win32Failure | LinkageError e) {
            // A LinkageError too (a function this user32 lacks): reported, never fatal to the window thread.
            taken.remove(hwnd);
            LOG.warn("Could not take over AWT's toolkit window ({}); AWT will start the JVM's exit at the query", e.toString());
        }
    }
}
