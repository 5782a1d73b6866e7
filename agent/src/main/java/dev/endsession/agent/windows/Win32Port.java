package dev.endsession.agent.windows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Every Win32 call the Windows bridge makes, and nothing else. The bridge's logic talks only to
 * this port, so it runs on any OS against a model of Windows; {@link Win32PortJNA} makes the real
 * calls. Handles are plain {@code long}s here so that no JNA type leaks into the logic.
 *
 * <p>Calls marked "window thread" must be made on the thread that created the window: Windows
 * fails them otherwise (e.g. {@code ShutdownBlockReasonCreate} with {@code ERROR_ACCESS_DENIED}).
 * Failures are thrown as {@link Win32Failure}.
 */
interface Win32Port {

    /** A window procedure: {@code LRESULT CALLBACK WindowProc(HWND, UINT, WPARAM, LPARAM)}. */
    @FunctionalInterface
    interface WindowProc {
        long call(long hwnd, int message, long wParam, long lParam);
    }

    /** A console control handler: {@code BOOL WINAPI HandlerRoutine(DWORD)}; {@code true} = handled. */
    @FunctionalInterface
    interface ConsoleHandler {
        boolean handle(int ctrlType);
    }

    /** Told of each top-level window this process creates ({@code EVENT_OBJECT_CREATE}). */
    @FunctionalInterface
    interface WindowCreated {
        void created(long hwnd);
    }

    /** @return the calling thread's Win32 id ({@code GetCurrentThreadId}) */
    int currentThreadId();

    /**
     * {@code SystemParametersInfo(action)} for a timeout in milliseconds.
     *
     * @param action {@code SPI_GETHUNGAPPTIMEOUT} or {@code SPI_GETWAITTOKILLTIMEOUT}
     * @return the value, or empty if this Windows does not have it
     */
    OptionalLong systemTimeoutMillis(int action);

    /**
     * Registers a window class (once per name) and creates a hidden <em>top-level</em> window of it
     * (parent {@code NULL}, never {@code HWND_MESSAGE}: message-only windows get no
     * {@code WM_QUERYENDSESSION}), owned by the calling thread; also gives that thread a message queue.
     *
     * @param title the name Windows shows for a blocking app
     * @param iconOf an executable whose first icon the class gets, shown beside the title; none if it has none
     * @return the window's handle
     */
    long createHiddenWindow(String className, String title, Optional<Path> iconOf, WindowProc proc);

    /** {@code DefWindowProc}: what Windows does with a message the window does not handle itself. */
    long defWindowProc(long hwnd, int message, long wParam, long lParam);

    /** Destroys a window and unregisters its class. Window thread. */
    void destroyWindow(long hwnd, String className);

    /**
     * Runs the calling thread's message loop ({@code GetMessage}/{@code DispatchMessage}) until
     * {@link #quit} is posted to it. A thread message {@code WM_USER} runs {@code work} on this thread.
     */
    void pumpMessages(Runnable work);

    /** Wakes thread {@code threadId}'s loop to run its work ({@code PostThreadMessage(WM_USER)}). */
    void wake(int threadId);

    /** Ends thread {@code threadId}'s loop ({@code PostThreadMessage(WM_QUIT)}). */
    void quit(int threadId);

    /** {@code SendMessage}: calls the window's procedure on its own thread and returns its result. */
    long sendMessage(long hwnd, int message, long wParam, long lParam);

    /** Registers or updates the window's block reason. Window thread. */
    void shutdownBlockReasonCreate(long hwnd, String reason);

    /** Removes the window's block reason. Window thread. */
    void shutdownBlockReasonDestroy(long hwnd);

    /** @return the window's block reason, or {@code null} if it has none. Window thread. */
    String shutdownBlockReasonQuery(long hwnd);

    /** {@code SetProcessShutdownParameters(level, flags)}: when this process is asked, among all. */
    void setProcessShutdownParameters(int level, int flags);

    /** Adds a console control handler; Windows calls the newest first, each on a fresh thread. */
    void addConsoleCtrlHandler(ConsoleHandler handler);

    /** Removes a handler added by {@link #addConsoleCtrlHandler}. */
    void removeConsoleCtrlHandler(ConsoleHandler handler);

    /** @return {@code true} if the process's window station has {@code WSF_VISIBLE}: not a service's */
    boolean interactiveWindowStation();

    /** Enables {@code SE_SHUTDOWN_NAME} on the process token: shutdown and restart need it. */
    void enableShutdownPrivilege();

    /** {@code ExitWindowsEx(flags, reason)}: starts an end of session and returns at once. */
    void exitWindowsEx(int flags, int reason);

    /**
     * Calls {@code listener} (on the calling thread's message loop) for each top-level window this
     * process creates from now on ({@code SetWinEventHook(EVENT_OBJECT_CREATE, WINEVENT_OUTOFCONTEXT)}).
     */
    void watchWindowCreation(WindowCreated listener);

    /** @return this process's top-level windows of class {@code className} */
    List<Long> processWindowsOfClass(String className);

    /** @return the window's class name */
    String className(long hwnd);

    /**
     * Replaces the window's procedure ({@code SetWindowLongPtr(GWLP_WNDPROC)}); the window may
     * belong to another thread of this process.
     *
     * @param wrap given the current procedure (called through {@code CallWindowProc}), makes the new one
     */
    void subclass(long hwnd, UnaryOperator<WindowProc> wrap);
}
