package dev.endsession.agent.cli;

import dev.endsession.agent.bus.BusException;
import dev.endsession.agent.bus.Initiator;
import dev.endsession.agent.bus.SessionDirectory;
import dev.endsession.agent.bus.wire.Message;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code status [--json] [--session ID]}: the apps on the session bus. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the apps on the session bus: pid, name, level, state, block reasons.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Cli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--session", paramLabel = "ID", description = "The session to look at (default: your own).")
    String session;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Initiator initiator = Initiator.fromEnvironment(root.env);
        String target = session == null ? initiator.ownSession() : session;
        if (!SessionDirectory.validName(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--session: '" + target
                    + "' is not a session name (letters, digits, '.', '_' and '-', at most 64)");
        }
        List<Message.Info> apps;
        try {
            apps = initiator.status(target);
        } catch (BusException e) {
            spec.commandLine().getErr().println("endsession: " + e.getMessage());
            return Cli.FAILURE;
        }
        if (json) {
            out.println(Json.status(target, apps));
        } else if (apps.isEmpty()) {
            out.println("No app is attached to session '" + target + "'.");
        } else {
            out.printf("%-8s %-24s %-6s %-10s %s%n", "PID", "NAME", "LEVEL", "STATE", "BLOCK REASONS");
            for (Message.Info app : apps) {
                out.printf("%-8d %-24s 0x%-4x %-10s %s%n", app.pid(), app.name() + (app.service() ? " (service)" : ""),
                        app.level(), app.state(), String.join("; ", app.blockReasons()));
            }
        }
        out.flush();
        return apps.isEmpty() ? Cli.FAILURE : Cli.ENDED;
    }
}
