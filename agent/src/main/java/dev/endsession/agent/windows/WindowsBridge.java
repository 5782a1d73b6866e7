package dev.endsession.agent.windows;

import dev.endsession.agent.Bridge;
import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.api.Reason;
import java.util.Locale;

/**
 * The bridge to Windows itself: {@code WM_QUERYENDSESSION}/{@code WM_ENDSESSION} on a hidden
 * top-level window, console control events, and {@code ExitWindowsEx}. {@code Bridges} loads it by
 * name, and only on Windows, so no JNA class is loaded elsewhere. See {@code docs/windows.md}.
 */
public final class WindowsBridge implements Bridge {

    private WindowsSession session;

    /** Used by {@code Bridges}, reflectively. */
    public WindowsBridge() {
    }

    @Override
    public synchronized void start(Coordinator coordinator, AgentOptions options) throws Exception {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new IllegalStateException("bridge=windows works only on Windows, not on " + os + "; use bridge=bus");
        }
        WindowsSession started = new WindowsSession(new Win32PortJNA(), coordinator, options, JvmShutdown.Runtime.INSTANCE);
        started.start();
        session = started;
    }

    @Override
    public boolean initiate(Reason reason, boolean force) {
        return initiate(reason, force, false);
    }

    /**
     * @param reason LOGOFF, SHUTDOWN or RESTART
     * @param force {@code EWX_FORCE}: nobody is asked
     * @param forceIfHung {@code EWX_FORCEIFHUNG}: apps that do not answer are ended
     * @return {@code true}: Windows accepted the request and runs the round
     */
    public synchronized boolean initiate(Reason reason, boolean force, boolean forceIfHung) {
        if (session == null) {
            throw new IllegalStateException("The Windows bridge is not running");
        }
        return session.initiate(reason, force, forceIfHung);
    }

    /**
     * Asks Windows to end the session without an agent running in this JVM (the CLI's
     * {@code logoff}/{@code shutdown}/{@code restart} on Windows). Call it by name, so JNA is loaded
     * only when it is called.
     *
     * @param reason LOGOFF, SHUTDOWN or RESTART
     * @param force {@code EWX_FORCE}
     * @param forceIfHung {@code EWX_FORCEIFHUNG}
     * @throws IllegalStateException if Windows refused, with its error
     */
    public static void exitWindows(Reason reason, boolean force, boolean forceIfHung) {
        ExitRequest.of(reason, force, forceIfHung).sendTo(new Win32PortJNA());
    }

    @Override
    public String id() {
        return "windows";
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
