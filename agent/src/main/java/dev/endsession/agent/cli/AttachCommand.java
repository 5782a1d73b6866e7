package dev.endsession.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attach <pid> [options]}: loads the agent into a running JVM through the Attach API. The
 * target must be of the same user and must allow attaching (no {@code -XX:+DisableAttachMechanism}).
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Load the agent into a running JVM (same user; it must allow attaching).",
            "Classes named in rules are retransformed; objects a tracking rule's class created before the attach "
                + "are not seen: an accessor rule reaches them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the agent was loaded (or was already there)", "2:bad usage or input",
            "3:the JVM could not be attached to or the agent not loaded"})
final class AttachCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PID", description = "the process id of the JVM")
    long pid;

    @Parameters(index = "1..*", paramLabel = "OPTION",
            description = "agent options, as after -javaagent:...=, e.g. rules=notes.rules log=info (or rules=a,log=info)")
    List<String> options = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path jar = Cli.agentJar();
        if (jar == null) {
            err.println("attach must run from the agent jar: " + Cli.program() + " attach " + pid);
            return Cli.FAILURE;
        }
        AttachOptions given = AttachOptions.of(options);
        if (given.rules() != null && !AttachReport.describeRules(given.rules(), out, err)) {
            return Cli.USAGE;
        }
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException | RuntimeException e) {
            err.println("Cannot attach to pid " + pid + ": " + e.getMessage() + ". It must be a running JVM of the same user, "
                    + "started without -XX:+DisableAttachMechanism.");
            return Cli.FAILURE;
        }
        try {
            if (AttachReport.startedWithAgent(vm)) {
                out.println("pid " + pid + " was started with -javaagent:...endsession-agent.jar; the agent is already running there, nothing to do.");
                return Cli.ENDED;
            }
            vm.loadAgent(jar.toString(), given.text());
            out.println("EndSession agent loaded into pid " + pid + " (" + AttachReport.commandOf(vm) + ").");
            out.println("Its messages, errors in rules included, go to that JVM's standard error.");
            return Cli.ENDED;
        } catch (AgentLoadException | AgentInitializationException | IOException | RuntimeException e) {
            err.println("The agent was not loaded into pid " + pid + ": " + e);
            return Cli.FAILURE;
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // the target went away; nothing to undo
            }
        }
    }
}
