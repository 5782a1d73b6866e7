package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.WM_ENDSESSION;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * AWT's toolkit thread and its hidden toolkit window, in the {@link WindowsModel}, behaving as
 * OpenJDK's {@code awt_Toolkit.cpp} ({@code AwtToolkit::WndProc}) does:
 * <pre>
 * case WM_QUERYENDSESSION:
 *     if (!isSuddenTerminationEnabled) return FALSE;
 *     if (JVM_RaiseSignal(SIGTERM)) m_vmSignalled = TRUE;
 *     return TRUE;
 * case WM_ENDSESSION:
 *     if (!m_vmSignalled) return 0;   // "we ignore the ENDSESSION message"
 *     MessageLoop(...); Dispose();    // pumps until the VM halts; never returns
 * </pre>
 * The window is a top-level window of class {@code SunAwtToolkit} created by the toolkit thread
 * ({@code AwtToolkit::CreateToolkitWnd}). Raising SIGTERM is recorded in the model's events as
 * {@code "SIGTERM raised by AWT"}; "never returns" is recorded and then returns, as a model cannot halt.
 */
final class AwtToolkitModel implements AutoCloseable {

    static final String SIGTERM = "SIGTERM raised by AWT";

    private final WindowsModel windows;
    private final boolean suddenTermination;
    private final Thread thread;
    private final CompletableFuture<Long> window = new CompletableFuture<>();
    private volatile boolean vmSignalled;
    private volatile int threadId;

    /** Starts the toolkit thread; returns once its window exists. */
    AwtToolkitModel(WindowsModel windows, boolean suddenTermination) throws Exception {
        this.windows = windows;
        this.suddenTermination = suddenTermination;
        this.thread = new Thread(this::run, "AWT-Windows");
        thread.setDaemon(true);
        thread.start();
        window.get(WindowsModel.SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private void run() {
        threadId = windows.currentThreadId();
        window.complete(windows.createHiddenWindow(AwtTakeover.TOOLKIT_CLASS, "", java.util.Optional.empty(), this::wndProc));
        windows.pumpMessages(() -> { });
    }

    private long wndProc(long hwnd, int message, long wParam, long lParam) {
        if (Thread.currentThread() != thread) {
            throw new AssertionError("AWT's window procedure ran on " + Thread.currentThread().getName());
        }
        switch (message) {
            case WM_QUERYENDSESSION:
                if (!suddenTermination) {
                    return 0;
                }
                windows.record(SIGTERM);
                vmSignalled = true;
                return 1;
            case WM_ENDSESSION:
                if (!vmSignalled) {
                    return 0;
                }
                windows.record("AWT pumps until the VM halts");
                return 0;
            default:
                return windows.defWindowProc(hwnd, message, wParam, lParam);
        }
    }

    /** @return the toolkit window */
    long window() {
        return window.join();
    }

    /** @return the toolkit thread, to check it was never blocked */
    Thread thread() {
        return thread;
    }

    @Override
    public void close() throws InterruptedException {
        windows.quit(threadId);
        thread.join(5_000);
    }
}
