package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinErrorH.ERROR_ACCESS_DENIED;
import static dev.endsession.agent.windows.WinUserH.SPI_GETHUNGAPPTIMEOUT;
import static dev.endsession.agent.windows.WinUserH.SPI_GETWAITTOKILLTIMEOUT;
import static dev.endsession.agent.windows.WinUserH.WM_CLOSE;
import static dev.endsession.agent.windows.WinUserH.WM_DESTROY;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * A model of the parts of Windows the bridge talks to, faithful to Microsoft's documentation, so the
 * bridge's logic is tested on every OS. What it models, and where each rule comes from:
 * <ul>
 * <li>Threads, message queues and SendMessage as {@link ModelThreads} describes.
 * <li>{@code ShutdownBlockReasonCreate}/{@code Destroy}/{@code Query} fail with {@code ERROR_ACCESS_DENIED}
 *     unless called on the thread that created the window
 *     (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasonquery">ShutdownBlockReasonQuery</a>).
 *     The system itself reads the reason with {@link #shownBlockReason}.
 * <li>{@code DefWindowProc} answers {@code WM_QUERYENDSESSION} with TRUE
 *     (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a>)
 *     and destroys the window on {@code WM_CLOSE}
 *     (<a href="https://learn.microsoft.com/windows/win32/winmsg/wm-close">WM_CLOSE</a>); {@code DestroyWindow}
 *     sends {@code WM_DESTROY} first (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-destroywindow">DestroyWindow</a>).
 * <li>{@code taskkill} without {@code /F} sends {@code WM_CLOSE} to every top-level window ({@link #taskkill}).
 * <li>A process with no visible window that has not answered {@code WM_QUERYENDSESSION} or
 *     {@code WM_ENDSESSION} within {@link #KILL_LIMIT} is ended, as is a console process whose handler
 *     has not returned by then ({@link ModelSessionEnd}, {@link ModelConsole}).
 * <li>Console control events as {@link ModelConsole} describes.
 * <li>A session end as {@link ModelSessionEnd} describes.
 * </ul>
 * Everything that happens is appended to {@link #events()}, so tests can check the order.
 */
final class WindowsModel implements Win32Port {

    /** How long a simulated cross-thread SendMessage may wait before the model reports a hang. */
    static final long SEND_TIMEOUT_SECONDS = ModelThreads.SEND_TIMEOUT_SECONDS;

    /**
     * A process without a visible window is ended if it has not answered {@code WM_QUERYENDSESSION} or
     * {@code WM_ENDSESSION} within 5 s (Shutdown Changes for Windows Vista); a console process 5 s after
     * {@code CTRL_CLOSE_EVENT} ({@code SPI_GETHUNGAPPTIMEOUT}'s default, microsoft/terminal doc/ConsoleCtrlEvent.md).
     */
    static final Duration KILL_LIMIT = Duration.ofSeconds(5);

    record Window(long hwnd, String className, int owner) {
    }

    private final ModelThreads threads = new ModelThreads();
    private final AtomicLong handles = new AtomicLong(0x10000);
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    private final List<Long> creationOrder = new CopyOnWriteArrayList<>();
    private final Map<Long, WindowProc> procs = new ConcurrentHashMap<>();
    private final Map<Long, String> blockReasons = new ConcurrentHashMap<>();
    private final List<LongConsumer> windowWatchers = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Win32Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final Map<String, String> unlinked = new ConcurrentHashMap<>();
    private final Map<Integer, Long> systemTimeouts = new ConcurrentHashMap<>(Map.of(SPI_GETHUNGAPPTIMEOUT, 5000L,
            SPI_GETWAITTOKILLTIMEOUT, 5000L));
    private volatile boolean interactive = true;
    private final ModelConsole console = new ModelConsole(() -> interactive, events::add);

    /** Makes {@code function} missing from its DLL, as on a JVM whose user32 lacks it (32-bit x86). @return this */
    WindowsModel unlinked(String function) {
        unlinked.put(function, function);
        return this;
    }

    private void checkLinked(String function) {
        if (unlinked.containsKey(function)) {
            throw new UnsatisfiedLinkError("Error looking up function '" + function + "W'");
        }
    }

    /** @param action an {@code SPI_GET...TIMEOUT} @param millis its value; negative: Windows has none @return this */
    WindowsModel systemTimeout(int action, long millis) {
        systemTimeouts.put(action, millis);
        return this;
    }

    /** @param value {@code false} for a service's window station (no {@code WSF_VISIBLE}) @return this */
    WindowsModel interactive(boolean value) {
        interactive = value;
        return this;
    }

    /** Makes every later call of {@code function} fail with {@code code}, as a locked-down machine would. @return this */
    WindowsModel refuse(String function, int code) {
        refusals.put(function, code);
        return this;
    }

    private void checkRefused(String function) {
        Integer code = refusals.get(function);
        if (code != null) {
            throw fail(function, code);
        }
    }

    /** @return everything that happened, in order */
    List<String> events() {
        return List.copyOf(events);
    }

    /** Records a step taken by code under test, so its place among Windows' steps can be checked. */
    void record(String event) {
        events.add(event);
    }

    /** @return every call that failed, as Windows would have reported it */
    List<Win32Failure> failures() {
        return List.copyOf(failures);
    }

    /** @return the top-level windows, oldest first */
    List<Long> windows() {
        return List.copyOf(creationOrder);
    }

    /** @return the model's id of the calling thread, as GetCurrentThreadId would give */
    @Override
    public int currentThreadId() {
        return threads.current();
    }

    @Override
    public OptionalLong systemTimeoutMillis(int action) {
        long millis = systemTimeouts.getOrDefault(action, -1L);
        return millis < 0 ? OptionalLong.empty() : OptionalLong.of(millis);
    }

    @Override
    public long createHiddenWindow(String className, String title, Optional<Path> iconOf, WindowProc proc) {
        for (Window existing : windows.values()) {
            if (existing.className().equals(className)) {
                throw fail("RegisterClassEx", 1410); // ERROR_CLASS_ALREADY_EXISTS
            }
        }
        long hwnd = handles.addAndGet(0x10);
        Window window = new Window(hwnd, className, currentThreadId());
        procs.put(hwnd, proc);
        windows.put(hwnd, window);
        creationOrder.add(hwnd);
        events.add("created " + className + iconOf.map(exe -> " with the icon of " + exe).orElse(""));
        windowWatchers.forEach(watcher -> watcher.accept(hwnd));
        return hwnd;
    }

    @Override
    public long defWindowProc(long hwnd, int message, long wParam, long lParam) {
        if (message == WM_CLOSE) {
            destroyWindow(hwnd, windows.get(hwnd).className());
        }
        return message == WM_QUERYENDSESSION ? 1 : 0;
    }

    @Override
    public void destroyWindow(long hwnd, String className) {
        requireOwner("DestroyWindow", hwnd);
        procs.get(hwnd).call(hwnd, WM_DESTROY, 0, 0);
        events.add("destroyed " + className);
        windows.remove(hwnd);
        creationOrder.remove(hwnd);
        procs.remove(hwnd);
        blockReasons.remove(hwnd);
    }

    @Override
    public void pumpMessages(Runnable work) {
        threads.pump(work);
    }

    @Override
    public void wake(int threadId) {
        threads.wake(threadId);
    }

    @Override
    public void quit(int threadId) {
        threads.quit(threadId);
    }

    @Override
    public long sendMessage(long hwnd, int message, long wParam, long lParam) {
        Window window = windows.get(hwnd);
        if (window == null) {
            throw fail("SendMessage", 1400); // ERROR_INVALID_WINDOW_HANDLE
        }
        return threads.send(window.owner(), "message 0x" + Integer.toHexString(message) + " to " + window.className(),
                () -> procs.get(hwnd).call(hwnd, message, wParam, lParam));
    }

    /**
     * As {@link #sendMessage}, from the system, which waits at most {@code millis}.
     *
     * @return the answer, or {@code null} if none came in time
     */
    Long sendWithin(long hwnd, int message, long wParam, long lParam, long millis) {
        Window window = windows.get(hwnd);
        return threads.sendWithin(window.owner(), "message 0x" + Integer.toHexString(message) + " to " + window.className(),
                () -> procs.get(hwnd).call(hwnd, message, wParam, lParam), millis);
    }

    /** Runs {@code call} on the thread that owns {@code hwnd}, as a test would by subclassing the window. */
    <T> T onThreadOf(long hwnd, Callable<T> call) {
        return onThread(ownerOf(hwnd), call);
    }

    /** @return the id of the thread that created {@code hwnd} */
    int ownerOf(long hwnd) {
        return windows.get(hwnd).owner();
    }

    /** Runs {@code call} on thread {@code threadId} once what is queued there before it has run. */
    <T> T onThread(int threadId, Callable<T> call) {
        return threads.send(threadId, "work on thread " + threadId, call);
    }

    /** {@code taskkill} without {@code /F}: {@code WM_CLOSE} to every top-level window of the process. */
    void taskkill() {
        for (long hwnd : windows()) {
            if (windows.containsKey(hwnd)) {
                sendMessage(hwnd, WM_CLOSE, 0, 0);
            }
        }
        events.add("taskkill: WM_CLOSE sent to every window");
    }

    @Override
    public void shutdownBlockReasonCreate(long hwnd, String reason) {
        requireOwner("ShutdownBlockReasonCreate", hwnd);
        blockReasons.put(hwnd, reason);
        events.add("block reason created: " + reason);
    }

    @Override
    public void shutdownBlockReasonDestroy(long hwnd) {
        requireOwner("ShutdownBlockReasonDestroy", hwnd);
        blockReasons.remove(hwnd);
        events.add("block reason destroyed");
    }

    @Override
    public String shutdownBlockReasonQuery(long hwnd) {
        requireOwner("ShutdownBlockReasonQuery", hwnd);
        return blockReasons.get(hwnd);
    }

    /** @return the reason the system shows for {@code hwnd} in its list of blocking apps, or {@code null} */
    String shownBlockReason(long hwnd) {
        return blockReasons.get(hwnd);
    }

    private void requireOwner(String function, long hwnd) {
        Window window = windows.get(hwnd);
        if (window == null) {
            throw fail(function, 1400);
        }
        if (window.owner() != currentThreadId()) {
            throw fail(function, ERROR_ACCESS_DENIED);
        }
    }

    private Win32Failure fail(String function, int code) {
        Win32Failure failure = new Win32Failure(function, code);
        failures.add(failure);
        return failure;
    }

    @Override
    public void setProcessShutdownParameters(int level, int flags) {
        if (level < 0 || level > 0x4FF) {
            throw fail("SetProcessShutdownParameters", 87); // ERROR_INVALID_PARAMETER
        }
        events.add("SetProcessShutdownParameters 0x" + Integer.toHexString(level) + " " + flags);
    }

    @Override
    public void addConsoleCtrlHandler(ConsoleHandler handler) {
        console.add(handler);
    }

    @Override
    public void removeConsoleCtrlHandler(ConsoleHandler handler) {
        console.remove(handler);
    }

    /** Windows delivers a console event. @return {@code true} if the process was ended */
    boolean consoleEvent(int ctrlType) throws InterruptedException {
        return console.deliver(ctrlType);
    }

    @Override
    public boolean interactiveWindowStation() {
        return interactive;
    }

    @Override
    public void enableShutdownPrivilege() {
        checkRefused("AdjustTokenPrivileges");
        events.add("SE_SHUTDOWN_NAME enabled");
    }

    @Override
    public void exitWindowsEx(int flags, int reason) {
        checkRefused("ExitWindowsEx");
        events.add("ExitWindowsEx flags=0x" + Integer.toHexString(flags) + " reason=0x" + Integer.toHexString(reason));
    }

    @Override
    public void watchWindowCreation(WindowCreated listener) {
        checkLinked("SetWinEventHook");
        checkRefused("SetWinEventHook");
        // Out-of-context WinEvents are delivered on the hooking thread's message loop.
        int hooking = currentThreadId();
        windowWatchers.add(created -> threads.post(hooking, () -> listener.created(created)));
    }

    @Override
    public List<Long> processWindowsOfClass(String className) {
        List<Long> found = new ArrayList<>();
        for (long hwnd : creationOrder) {
            if (windows.get(hwnd).className().equals(className)) {
                found.add(hwnd);
            }
        }
        return found;
    }

    @Override
    public String className(long hwnd) {
        Window window = windows.get(hwnd);
        if (window == null) {
            throw fail("GetClassName", 1400);
        }
        return window.className();
    }

    @Override
    public void subclass(long hwnd, UnaryOperator<WindowProc> wrap) {
        checkLinked("SetWindowLongPtr");
        WindowProc previous = procs.get(hwnd);
        if (previous == null) {
            throw fail("SetWindowLongPtr", 1400);
        }
        procs.put(hwnd, wrap.apply(previous));
        events.add("subclassed " + windows.get(hwnd).className());
    }

    /** Plays Windows ending the session, as {@link ModelSessionEnd} describes; the calling thread is "the system". */
    ModelSessionEnd.EndRound endSession(long lParam) {
        return ModelSessionEnd.run(this, lParam);
    }
}
