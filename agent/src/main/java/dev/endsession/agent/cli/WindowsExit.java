package dev.endsession.agent.cli;

import dev.endsession.api.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code logoff}/{@code shutdown}/{@code restart} on real Windows: {@code ExitWindowsEx} through the
 * Windows bridge (called by name, so JNA loads only here), after the user confirms unless
 * {@code --yes}. The simulated bus is used instead when {@code ENDSESSION_BUS_DIR} is set.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a>
 */
final class WindowsExit {

    private WindowsExit() {
    }

    /** @return {@code true} if this command should end the real Windows session rather than a simulated one */
    static boolean applies(Map<String, String> env, String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows") && !env.containsKey("ENDSESSION_BUS_DIR");
    }

    /**
     * @return the exit code: 0 once Windows accepted the request (it then runs the round itself),
     *     1 if the user did not confirm, 3 if Windows refused
     */
    static int request(Reason kind, boolean force, boolean forceIfHung, boolean yes, BufferedReader in, PrintWriter out, PrintWriter err) {
        String what = kind.name().toLowerCase(Locale.ROOT);
        if (!yes) {
            out.print("This will " + (kind == Reason.LOGOFF ? "log you off" : what) + " Windows" + (force ? " without asking any app" : "")
                    + ". Continue? [y/N] ");
            out.flush();
            String answer = readLine(in);
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                err.println("endsession: not confirmed; nothing was done (pass --yes to skip this question)");
                return Cli.CANCELLED;
            }
        }
        try {
            Class.forName("dev.endsession.agent.windows.WindowsBridge").getMethod("exitWindows", Reason.class, boolean.class, boolean.class)
                    .invoke(null, kind, force, forceIfHung);
            out.println("Windows accepted the " + what + "; it now asks every application.");
            return Cli.ENDED;
        } catch (InvocationTargetException e) {
            err.println("endsession: Windows refused the " + what + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException | LinkageError e) {
            err.println("endsession: the Windows bridge is not available: " + e);
        }
        return Cli.FAILURE;
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
