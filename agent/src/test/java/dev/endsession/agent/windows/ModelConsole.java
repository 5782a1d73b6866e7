package dev.endsession.agent.windows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Console control handlers in the {@link WindowsModel}. Handlers are called newest first, on a fresh
 * thread, until one returns TRUE; for close, logoff and shutdown the process then ends; if none
 * handles the event the default handler ends it, except a non-interactive process at logoff (which
 * is why HotSpot passes such a logoff on)
 * (<a href="https://learn.microsoft.com/windows/console/handlerroutine">HandlerRoutine</a>,
 * <a href="https://learn.microsoft.com/windows/console/setconsolectrlhandler">SetConsoleCtrlHandler</a>).
 * The JVM's own handler, as in HotSpot's {@code consoleHandler} ({@code os_windows.cpp}), is
 * installed first: it raises SIGTERM and returns TRUE, except for a logoff in a non-interactive
 * window station. A handler still running {@link WindowsModel#KILL_LIMIT} after a close, logoff or
 * shutdown event gets the process ended ({@code SPI_GETHUNGAPPTIMEOUT} / {@code SPI_GETWAITTOKILLTIMEOUT},
 * 5 s by default: microsoft/terminal, doc/ConsoleCtrlEvent.md, from ntuser's exitwin.c).
 */
final class ModelConsole {

    static final String HOTSPOT_SIGTERM = "SIGTERM raised by HotSpot";

    private final List<Win32Port.ConsoleHandler> handlers = new CopyOnWriteArrayList<>();
    private final BooleanSupplier interactive;
    private final Consumer<String> events;

    ModelConsole(BooleanSupplier interactive, Consumer<String> events) {
        this.interactive = interactive;
        this.events = events;
        handlers.add(this::hotSpot);
    }

    void add(Win32Port.ConsoleHandler handler) {
        handlers.add(0, handler); // newest first
    }

    void remove(Win32Port.ConsoleHandler handler) {
        handlers.remove(handler);
    }

    private boolean hotSpot(int ctrlType) {
        if (ctrlType == WinConH.CTRL_LOGOFF_EVENT && !interactive.getAsBoolean()) {
            return false; // "Don't terminate JVM if it is running in a non-interactive session"
        }
        if (ctrlType == WinConH.CTRL_CLOSE_EVENT || ctrlType == WinConH.CTRL_LOGOFF_EVENT
                || ctrlType == WinConH.CTRL_SHUTDOWN_EVENT) {
            events.accept(HOTSPOT_SIGTERM);
            return true;
        }
        return false;
    }

    /** Delivers an event as Windows does. @return {@code true} if the process was ended */
    boolean deliver(int ctrlType) throws InterruptedException {
        boolean[] ended = new boolean[1];
        Object lock = new Object();
        Thread fresh = new Thread(() -> {
            boolean handled = false;
            for (Win32Port.ConsoleHandler handler : List.copyOf(handlers)) {
                if (handler.handle(ctrlType)) {
                    handled = true;
                    break;
                }
            }
            boolean serviceLogoff = ctrlType == WinConH.CTRL_LOGOFF_EVENT && !interactive.getAsBoolean();
            synchronized (lock) {
                if (!ended[0] && (handled || !serviceLogoff)) {
                    ended[0] = true;
                    events.accept("process ended");
                }
            }
        }, "console-event-" + ctrlType);
        fresh.setDaemon(true);
        fresh.start();
        boolean limited = ctrlType == WinConH.CTRL_CLOSE_EVENT || ctrlType == WinConH.CTRL_LOGOFF_EVENT
                || ctrlType == WinConH.CTRL_SHUTDOWN_EVENT;
        fresh.join(limited ? WindowsModel.KILL_LIMIT.toMillis() : TimeUnit.SECONDS.toMillis(ModelThreads.SEND_TIMEOUT_SECONDS));
        synchronized (lock) {
            if (fresh.isAlive() && limited && !ended[0]) {
                ended[0] = true;
                events.accept("process killed: the console handler did not return within " + WindowsModel.KILL_LIMIT.toMillis() + " ms");
            }
            return ended[0];
        }
    }
}
