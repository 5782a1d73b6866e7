package dev.endsession.agent.cli;

import dev.endsession.agent.bus.AppOutcome;
import dev.endsession.agent.bus.BusException;
import dev.endsession.agent.bus.Initiator;
import dev.endsession.agent.bus.Progress;
import dev.endsession.agent.bus.RoundOptions;
import dev.endsession.agent.bus.RoundResult;
import dev.endsession.agent.bus.SessionDirectory;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.api.Reason;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code status [--json] [--probe] [--session ID]}: the apps on the session bus; with
 * {@code --probe}, who would block a logoff and why, found by a query with interaction not allowed
 * and then a cancel (no prompt appears, no cleanup runs, nothing ends).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"List the apps on the session bus: pid, name, level, state, block reasons.",
            "--probe asks every app whether it would block a logoff (no prompt appears; then the round is cancelled: "
                + "no cleanup runs, nothing ends) and reports it like a round."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:apps listed; with --probe: nobody would block", "1:with --probe: an app would veto or is hung",
            "2:bad usage", "3:no session bus, no app, or another round running"})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Cli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--probe", description = "Ask who would block a logoff, and why, without ending anything.")
    boolean probe;

    @Option(names = "--session", paramLabel = "ID", description = "The session to look at (default: your own).")
    String session;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        Initiator initiator = Initiator.fromEnvironment(root.env);
        String target = session == null ? initiator.ownSession() : session;
        if (!SessionDirectory.validName(target)) {
            throw Failures.badOption(cli, "--session", target, Cli.SESSION_NAME);
        }
        return probe ? probe(cli, initiator, target) : list(cli, initiator, target);
    }

    private int list(CommandLine cli, Initiator initiator, String target) {
        PrintWriter out = cli.getOut();
        List<Message.Info> apps;
        try {
            apps = initiator.status(target);
        } catch (BusException e) {
            return Failures.failure(cli, json, e.getMessage());
        }
        if (json) {
            out.println(Json.status(target, apps));
        } else if (apps.isEmpty()) {
            out.println("No app is attached to session '" + target + "'.");
        } else {
            Table table = new Table("PID", "NAME", "LEVEL", "STATE", "BLOCK REASONS");
            for (Message.Info app : apps) {
                table.row(Long.toString(app.pid()), app.name() + (app.service() ? " (service)" : ""),
                        "0x" + Integer.toHexString(app.level()), app.state(), String.join("; ", app.blockReasons()));
            }
            table.print(out);
        }
        out.flush();
        return apps.isEmpty() ? Cli.FAILURE : Cli.ENDED;
    }

    private int probe(CommandLine cli, Initiator initiator, String target) {
        PrintWriter out = cli.getOut();
        Progress progress = ProgressPrinter.of(cli, json);
        RoundResult result;
        try {
            result = initiator.probe(target, Reason.LOGOFF, RoundOptions.DEFAULT_TIMEOUT, progress);
        } catch (BusException e) {
            return Failures.failure(cli, json, e.getMessage());
        }
        if (json) {
            out.println(Json.probe(target, result));
        } else {
            summary(out, result);
        }
        out.flush();
        return result.ended() ? Cli.ENDED : Cli.CANCELLED;
    }

    private static void summary(PrintWriter out, RoundResult result) {
        List<AppOutcome> blockers = result.blockers();
        if (blockers.isEmpty()) {
            int asked = result.apps().size();
            out.println("Nobody would block a logoff now (" + asked + (asked == 1 ? " app" : " apps") + " asked). Nothing was ended.");
            return;
        }
        out.println("A logoff now would be cancelled. Would block:");
        blockers.forEach(app -> out.println("  " + EndCommand.blocker(app)));
        out.println("Nothing was ended: every app was told the round is cancelled.");
    }
}
