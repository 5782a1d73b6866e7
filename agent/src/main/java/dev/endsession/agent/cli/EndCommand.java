package dev.endsession.agent.cli;

import dev.endsession.agent.bus.AppOutcome;
import dev.endsession.agent.bus.BusException;
import dev.endsession.agent.bus.Initiator;
import dev.endsession.agent.bus.Progress;
import dev.endsession.agent.bus.RoundOptions;
import dev.endsession.agent.bus.RoundResult;
import dev.endsession.agent.bus.SessionDirectory;
import dev.endsession.agent.config.Durations;
import dev.endsession.api.Reason;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * What {@code logoff}, {@code shutdown} and {@code restart} share (contract): the options, the
 * round on the session bus, the output, and the exit code (0 ended, 1 cancelled by a veto, 2 bad
 * usage, 3 no bus or another failure).
 */
@Command(exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the session ended", "1:cancelled by a veto or a hung app",
            "2:bad usage (an unknown mode, a malformed timeout, a session name that is not one)",
            "3:no session bus, no app, an unsafe session directory, or another round running"})
abstract class EndCommand implements Callable<Integer> {

    /** How the round reacts to a blocker (contract: {@code --on-block}). */
    enum OnBlock { cancel, force }

    /** How apps are asked (contract: {@code --mode}). */
    enum ModeName { modern, classic }

    @ParentCommand
    Cli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "End every app without asking (EWX_FORCE).")
    boolean force;

    @Option(names = "--force-if-hung", description = "Terminate an app that does not answer within the timeout.")
    boolean forceIfHung;

    @Option(names = "--mode", paramLabel = "modern|classic", defaultValue = "modern",
            description = "modern: ask all, then end all or none (default). classic: one app at a time.")
    ModeName mode;

    @Option(names = "--on-block", paramLabel = "cancel|force", defaultValue = "cancel",
            description = "After a veto: cancel the round (default) or end every app anyway.")
    OnBlock onBlock;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "How long an app may take to answer or clean up (default 5s).")
    String timeout;

    @Option(names = "--session", paramLabel = "ID",
            description = "The session to end (default: your own; another session gets notifications only).")
    String session;

    @Option(names = "--json", description = "Print one JSON object with the outcome.")
    boolean json;

    @Option(names = "--yes", description = "On Windows: end the real session without asking for confirmation.")
    boolean yes;

    /** @return LOGOFF, SHUTDOWN or RESTART */
    abstract Reason kind();

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        Duration hung = hungTimeout(cli);
        if (WindowsExit.applies(root.env, System.getProperty("os.name", ""))) {
            return onWindows(cli);
        }
        Initiator initiator = Initiator.fromEnvironment(root.env);
        String target = session == null ? initiator.ownSession() : session;
        if (!SessionDirectory.validName(target)) {
            throw Failures.badOption(spec.commandLine(), "--session", target, Cli.SESSION_NAME);
        }
        RoundOptions options = RoundOptions.of(kind()).withMode(mode == ModeName.classic ? RoundOptions.Mode.CLASSIC
                : RoundOptions.Mode.MODERN).withForce(force).withForceIfHung(forceIfHung)
                .withOnBlockForce(onBlock == OnBlock.force).withTimeout(hung);
        PrintWriter out = cli.getOut();
        Progress progress = ProgressPrinter.of(cli, json);
        RoundResult result;
        try {
            result = initiator.run(target, options, progress);
        } catch (BusException e) {
            return Failures.failure(cli, json, e.getMessage());
        }
        if (json) {
            out.println(Json.round(result));
        } else {
            summary(out, result);
        }
        out.flush();
        return result.ended() ? Cli.ENDED : Cli.CANCELLED;
    }

    /** The real Windows session: options it cannot honour are refused, not ignored. */
    private int onWindows(CommandLine cli) {
        java.util.Set<String> given = new java.util.HashSet<>();
        cli.getParseResult().matchedOptions().forEach(option -> given.add(option.longestName()));
        java.util.Optional<String> refused = WindowsExit.refusal(given);
        if (refused.isPresent()) {
            throw new CommandLine.ParameterException(cli, refused.get()); // bad usage: one line, a hint, JSON with --json
        }
        return WindowsExit.request(new WindowsExit.Request(kind(), force, forceIfHung, yes, json),
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset())),
                cli.getOut(), cli.getErr(), WindowsExit.WINDOWS);
    }

    private Duration hungTimeout(CommandLine cli) {
        try {
            Duration value = Durations.parse(timeout);
            if (!value.isZero()) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // said below, in the one format
        }
        throw Failures.badOption(cli, "--timeout", timeout, "a positive duration such as 500ms, 5s or 2m");
    }

    private static void summary(PrintWriter out, RoundResult result) {
        String what = result.options().kind().name().toLowerCase(java.util.Locale.ROOT);
        if (result.ended()) {
            long gone = result.apps().stream().filter(AppOutcome::terminated).count();
            List<AppOutcome> overridden = result.blockers();
            long exited = result.apps().stream().filter(app -> app.exit() == AppOutcome.Exit.DURING_CLEANUP).count();
            out.println("The " + what + " went ahead: " + gone + " of " + result.apps().size() + " apps terminated"
                    + (exited > 0 ? " (" + exited + " exited on their own during their cleanup)" : "")
                    + (result.options().notifyOnly() ? " (another session: notifications only)" : "")
                    + (overridden.isEmpty() ? "" : "; --on-block force overrode " + overridden(overridden)) + ".");
            overridden.forEach(app -> out.println("  overrode " + blocker(app)));
            return;
        }
        out.println("The " + what + " was cancelled. Blocked by:");
        for (AppOutcome app : result.blockers()) {
            out.println("  " + blocker(app));
        }
    }

    /** @return e.g. {@code 2 vetoes and 1 hung app} */
    private static String overridden(List<AppOutcome> blockers) {
        long vetoes = blockers.stream().filter(app -> app.answer() == AppOutcome.Answer.VETO).count();
        long hung = blockers.size() - vetoes;
        String said = vetoes == 0 ? "" : vetoes + (vetoes == 1 ? " veto" : " vetoes");
        String silent = hung == 0 ? "" : hung + (hung == 1 ? " hung app" : " hung apps");
        return said.isEmpty() || silent.isEmpty() ? said + silent : said + " and " + silent;
    }

    /** @return e.g. {@code notes (pid 42): Unsaved changes}, or {@code notes (pid 42): not responding (...)} */
    static String blocker(AppOutcome app) {
        String reason = app.reason();
        boolean unsaid = app.answer() == AppOutcome.Answer.HUNG && !reason.startsWith("not responding");
        return ProgressPrinter.who(app) + ": " + (unsaid ? "not responding (" + reason + ")" : reason);
    }
}
