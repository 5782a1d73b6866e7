package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinErrorH.ERROR_ACCESS_DENIED;
import static dev.endsession.agent.windows.WinUserH.WM_QUERYENDSESSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * A model of the parts of Windows the bridge talks to, faithful to Microsoft's documentation, so the
 * bridge's logic is tested on every OS. What it models, and where each rule comes from:
 * <ul>
 * <li>A window belongs to the thread that created it; a message sent to it from another thread is
 *     run on the owner's thread while that thread pumps, and the sender waits for the result
 *     (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-sendmessage">SendMessage</a>).
 *     Each thread's messages are handled one at a time, in the order they came.
 * <li>{@code ShutdownBlockReasonCreate}/{@code Destroy} fail with {@code ERROR_ACCESS_DENIED} unless
 *     called on the thread that created the window
 *     (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasoncreate">ShutdownBlockReasonCreate</a>).
 * <li>{@code DefWindowProc} answers {@code WM_QUERYENDSESSION} with TRUE
 *     (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a>).
 * <li>Console handlers are called newest first, each event on a fresh thread, until one returns
 *     TRUE; for close, logoff and shutdown the process is then ended; if none handles the event the
 *     default handler ends it (but not a non-interactive process at logoff, which is why HotSpot
 *     passes such a logoff on) (<a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a>,
 *     <a href="https://learn.microsoft.com/windows/console/setconsolectrlhandler">SetConsoleCtrlHandler</a>).
 *     The JVM's own handler, as in HotSpot's {@code os_windows.cpp}, is installed first: it raises
 *     SIGTERM and returns TRUE, except for a logoff in a non-interactive window station.
 * <li>A session end ({@link #endSession}): every top-level window is sent {@code WM_QUERYENDSESSION}
 *     and answers before the next is asked; a hidden window's FALSE blocks only if it registered a
 *     block reason (<a href="https://learn.microsoft.com/windows/win32/shutdown/shutdown-changes-for-windows-vista">Shutdown
 *     changes for Windows Vista</a>); {@code ENDSESSION_CRITICAL} ignores every FALSE; then each
 *     window that answered TRUE gets {@code WM_ENDSESSION} "regardless of how the other applications
 *     respond" (TRUE if nobody blocks, else FALSE), and if nobody blocked the process ends once all
 *     have returned (<a href="https://learn.microsoft.com/windows/win32/shutdown/wm-endsession">WM_ENDSESSION</a>).
 * </ul>
 * Everything that happens is appended to {@link #events()}, so tests can check the order.
 */
final class WindowsModel implements Win32Port {

    /** How long a simulated cross-thread SendMessage may wait before the model reports a hang. */
    static final long SEND_TIMEOUT_SECONDS = 30;

    record Window(long hwnd, String className, int owner) {
    }

    private final AtomicInteger threadIds = new AtomicInteger(1000);
    private final AtomicLong handles = new AtomicLong(0x10000);
    private final Map<Thread, Integer> threads = new ConcurrentHashMap<>();
    private final Map<Integer, BlockingQueue<Runnable>> queues = new ConcurrentHashMap<>();
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    private final List<Long> creationOrder = new CopyOnWriteArrayList<>();
    private final Map<Long, WindowProc> procs = new ConcurrentHashMap<>();
    private final Map<Long, String> blockReasons = new ConcurrentHashMap<>();
    private final List<ConsoleHandler> consoleHandlers = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> windowWatchers = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Win32Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private volatile boolean interactive = true;

    private static final Runnable QUIT = () -> { };
    private static final Runnable WAKE = () -> { };

    WindowsModel() {
        consoleHandlers.add(this::hotSpotConsoleHandler);
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

    /** @return the top-level window of that class */
    long windowOfClass(String className) {
        return processWindowsOfClass(className).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no window of class " + className));
    }

    /** @return the model's id of the calling thread, as GetCurrentThreadId would give */
    @Override
    public int currentThreadId() {
        return threads.computeIfAbsent(Thread.currentThread(), t -> threadIds.incrementAndGet());
    }

    private BlockingQueue<Runnable> queue(int threadId) {
        return queues.computeIfAbsent(threadId, id -> new LinkedBlockingQueue<>());
    }

    @Override
    public long createHiddenWindow(String className, String title, WindowProc proc) {
        for (Window existing : windows.values()) {
            if (existing.className().equals(className)) {
                throw fail("RegisterClassEx", 1410); // ERROR_CLASS_ALREADY_EXISTS
            }
        }
        long hwnd = handles.addAndGet(0x10);
        Window window = new Window(hwnd, className, currentThreadId());
        queue(window.owner());
        procs.put(hwnd, proc);
        windows.put(hwnd, window);
        creationOrder.add(hwnd);
        events.add("created " + className);
        windowWatchers.forEach(watcher -> watcher.accept(hwnd));
        return hwnd;
    }

    @Override
    public long defWindowProc(long hwnd, int message, long wParam, long lParam) {
        return message == WM_QUERYENDSESSION ? 1 : 0;
    }

    @Override
    public void destroyWindow(long hwnd, String className) {
        requireOwner("DestroyWindow", hwnd);
        windows.remove(hwnd);
        creationOrder.remove(hwnd);
        procs.remove(hwnd);
        blockReasons.remove(hwnd);
    }

    @Override
    public void pumpMessages(Runnable work) {
        BlockingQueue<Runnable> queue = queue(currentThreadId());
        try {
            for (Runnable next = queue.take(); next != QUIT; next = queue.take()) {
                if (next == WAKE) {
                    work.run(); // a thread message WM_USER: the loop's own work
                } else {
                    next.run(); // a sent message or a WinEvent, run on this thread
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void wake(int threadId) {
        queue(threadId).add(WAKE);
    }

    @Override
    public void quit(int threadId) {
        queue(threadId).add(QUIT);
    }

    @Override
    public long sendMessage(long hwnd, int message, long wParam, long lParam) {
        Window window = windows.get(hwnd);
        if (window == null) {
            throw fail("SendMessage", 1400); // ERROR_INVALID_WINDOW_HANDLE
        }
        if (window.owner() == currentThreadId()) {
            return procs.get(hwnd).call(hwnd, message, wParam, lParam);
        }
        FutureTask<Long> delivery = new FutureTask<>(() -> procs.get(hwnd).call(hwnd, message, wParam, lParam));
        queue(window.owner()).add(delivery);
        try {
            return delivery.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("window procedure threw", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("window " + window.className() + " did not answer message 0x"
                    + Integer.toHexString(message) + " within " + SEND_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        consoleHandlers.add(0, handler); // newest first
    }

    @Override
    public void removeConsoleCtrlHandler(ConsoleHandler handler) {
        consoleHandlers.remove(handler);
    }

    /** HotSpot's consoleHandler (os_windows.cpp), installed when the JVM started. */
    private boolean hotSpotConsoleHandler(int ctrlType) {
        if (ctrlType == WinConH.CTRL_LOGOFF_EVENT && !interactive) {
            return false; // "Don't terminate JVM if it is running in a non-interactive session"
        }
        if (ctrlType == WinConH.CTRL_CLOSE_EVENT || ctrlType == WinConH.CTRL_LOGOFF_EVENT
                || ctrlType == WinConH.CTRL_SHUTDOWN_EVENT) {
            events.add("SIGTERM raised by HotSpot");
            return true;
        }
        return false;
    }

    /**
     * Windows delivers a console event: a fresh thread calls the handlers newest first until one
     * returns TRUE, then the process ends (or lives on, for a service's logoff nobody handled).
     *
     * @return {@code true} if the process was ended
     */
    boolean consoleEvent(int ctrlType) throws InterruptedException {
        boolean[] ended = new boolean[1];
        Thread fresh = new Thread(() -> {
            boolean handled = false;
            for (ConsoleHandler handler : List.copyOf(consoleHandlers)) {
                if (handler.handle(ctrlType)) {
                    handled = true;
                    break;
                }
            }
            boolean serviceLogoff = ctrlType == WinConH.CTRL_LOGOFF_EVENT && !interactive;
            ended[0] = handled || !serviceLogoff;
            if (ended[0]) {
                events.add("process ended");
            }
        }, "console-event-" + ctrlType);
        fresh.start();
        fresh.join(TimeUnit.SECONDS.toMillis(SEND_TIMEOUT_SECONDS));
        return ended[0];
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
        // Out-of-context WinEvents are delivered on the hooking thread's message loop.
        int hooking = currentThreadId();
        windowWatchers.add(created -> queue(hooking).add(() -> listener.created(created)));
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
        WindowProc previous = procs.get(hwnd);
        if (previous == null) {
            throw fail("SetWindowLongPtr", 1400);
        }
        procs.put(hwnd, wrap.apply(previous));
        events.add("subclassed " + windows.get(hwnd).className());
    }

    /**
     * What happened in one {@link #endSession}.
     *
     * @param answers each window's answer to the query, by class name
     * @param blockers the block reasons Windows showed, by class name
     * @param ended whether the process was ended
     */
    record EndRound(Map<String, Long> answers, Map<String, String> blockers, boolean ended) {
    }

    /** Plays Windows ending the session, as the class comment describes; the calling thread is "the system". */
    EndRound endSession(long lParam) {
        boolean critical = (lParam & WinUserH.ENDSESSION_CRITICAL) != 0;
        Map<String, Long> answers = new java.util.LinkedHashMap<>();
        Map<String, String> blockers = new java.util.LinkedHashMap<>();
        List<Long> agreed = new ArrayList<>();
        for (long hwnd : creationOrder) {
            String name = className(hwnd);
            long answer = sendMessage(hwnd, WM_QUERYENDSESSION, 0, lParam);
            events.add("WM_QUERYENDSESSION answered " + answer + " by " + name);
            answers.put(name, answer);
            String reason = blockReasons.get(hwnd);
            if (answer != 0 || critical) {
                agreed.add(hwnd);
            } else if (reason != null) {
                blockers.put(name, reason);
            }
        }
        boolean ending = blockers.isEmpty();
        for (long hwnd : agreed) {
            sendMessage(hwnd, WinUserH.WM_ENDSESSION, ending ? 1 : 0, lParam);
            events.add("WM_ENDSESSION(" + (ending ? "TRUE" : "FALSE") + ") returned by " + className(hwnd));
        }
        if (ending) {
            events.add("process ended");
        }
        return new EndRound(answers, blockers, ending);
    }
}
