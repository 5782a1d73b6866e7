package dev.endsession.agent.cli;

import dev.endsession.api.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code logoff}/{@code shutdown}/{@code restart} on real Windows: {@code ExitWindowsEx} through the
 * Windows bridge (called by name, so JNA loads only here), after the user confirms unless
 * {@code --yes}. The simulated bus is used instead when {@code ENDSESSION_BUS_DIR} is set.
 *
 * <p>Windows runs the round itself, so the bus's options cannot apply and are refused rather than
 * ignored: {@code --session} (ExitWindowsEx ends the caller's own session), {@code --mode},
 * {@code --on-block} and {@code --timeout} (Windows' own rules and timeouts decide). Exit 0 means
 * Windows <em>accepted</em> the request: ExitWindowsEx is asynchronous, and an app or the user may
 * still cancel the end
 * (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-exitwindowsex">ExitWindowsEx</a>).
 */
final class WindowsExit {

    /** The options of the bus's round that Windows has no use for, in the order they are named. */
    static final List<String> NOT_ON_WINDOWS = List.of("--session", "--mode", "--on-block", "--timeout");

    /** Makes the request: the real one calls {@code WindowsBridge.exitWindows}; tests record it. */
    @FunctionalInterface
    interface Sender {
        /** @throws IllegalStateException with Windows' error if it refused */
        void send(Reason kind, boolean force, boolean forceIfHung) throws ReflectiveOperationException;
    }

    /** The real Windows, through the bridge, loaded by name so JNA loads only here. */
    static final Sender WINDOWS = (kind, force, forceIfHung) -> {
        try {
            Class.forName("dev.endsession.agent.windows.WindowsBridge").getMethod("exitWindows", Reason.class, boolean.class, boolean.class)
                    .invoke(null, kind, force, forceIfHung);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw e;
        }
    };

    /**
     * What was asked for.
     *
     * @param kind LOGOFF, SHUTDOWN or RESTART
     * @param force {@code EWX_FORCE} (no effect when Terminal Services is enabled)
     * @param forceIfHung {@code EWX_FORCEIFHUNG}
     * @param yes no confirmation question
     * @param json one JSON object on standard output
     */
    record Request(Reason kind, boolean force, boolean forceIfHung, boolean yes, boolean json) {
    }

    private WindowsExit() {
    }

    /** @return {@code true} if this command should end the real Windows session rather than a simulated one */
    static boolean applies(Map<String, String> env, String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows") && !env.containsKey("ENDSESSION_BUS_DIR");
    }

    /** @param given the options given on the command line @return the one-line refusal, if any of them cannot apply */
    static Optional<String> refusal(Set<String> given) {
        List<String> cannot = NOT_ON_WINDOWS.stream().filter(given::contains).toList();
        if (cannot.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", cannot) + (cannot.size() == 1 ? " does" : " do")
                + " not apply on Windows, which runs the round itself for your own session (set ENDSESSION_BUS_DIR to use the"
                + " simulated session bus)");
    }

    /**
     * @return the exit code: 0 once Windows accepted the request (it then runs the round itself),
     *     1 if the user did not confirm, 3 if Windows refused
     */
    static int request(Request request, BufferedReader in, PrintWriter out, PrintWriter err, Sender windows) {
        String what = request.kind().name().toLowerCase(Locale.ROOT);
        if (!request.yes()) {
            // With --json the question goes to stderr: stdout holds only the object.
            PrintWriter ask = request.json() ? err : out;
            ask.print("This will " + (request.kind() == Reason.LOGOFF ? "log you off" : what) + " Windows"
                    + (request.force() ? " without asking any app" : "") + ". Continue? [y/N] ");
            ask.flush();
            String answer = readLine(in);
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                err.println("endsession: not confirmed; nothing was done (pass --yes to skip this question)");
                return report(request, out, "not-confirmed", null, Cli.CANCELLED);
            }
        }
        try {
            windows.send(request.kind(), request.force(), request.forceIfHung());
            if (!request.json()) {
                out.println("Windows accepted the " + what + "; it now asks every application (an application or the user may"
                        + " still cancel it).");
            }
            return report(request, out, "accepted", null, Cli.ENDED);
        } catch (IllegalStateException e) {
            err.println("endsession: Windows refused the " + what + ": " + e.getMessage());
            return report(request, out, "failed", e.getMessage(), Cli.FAILURE);
        } catch (ReflectiveOperationException | LinkageError e) {
            err.println("endsession: the Windows bridge is not available: " + e);
            return report(request, out, "failed", e.toString(), Cli.FAILURE);
        }
    }

    /** With --json: {@code {"outcome", "kind", "force", "forceIfHung", "error"}}. @return {@code code} */
    private static int report(Request request, PrintWriter out, String outcome, String error, int code) {
        if (request.json()) {
            out.println("{\"outcome\":" + Json.quote(outcome) + ",\"kind\":" + Json.quote(request.kind().name().toLowerCase(Locale.ROOT))
                    + ",\"force\":" + request.force() + ",\"forceIfHung\":" + request.forceIfHung()
                    + ",\"error\":" + (error == null ? "null" : Json.quote(error)) + "}");
        }
        out.flush();
        return code;
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
