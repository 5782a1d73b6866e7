package dev.endsession.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.endsession.agent.trust.TrustedPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attach <pid> [options]}: loads the agent into a running JVM through the Attach API. The
 * target must be a HotSpot JVM of the same user ({@link AttachTarget}, checked before anything is
 * sent to it) and must allow attaching (no {@code -XX:+DisableAttachMechanism}). An agent already
 * running there keeps the options it started with.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Load the agent into a running JVM (a HotSpot JVM of yours that allows attaching; anything else is "
                + "refused and never signalled). An agent already there keeps its first options.",
            "Classes named in rules are retransformed; objects a tracking rule's class created before the attach "
                + "are not seen: an accessor rule reaches them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the agent was loaded (or was already there with the same options)", "2:bad usage or input",
            "3:not a JVM of yours (refused, never signalled), not attachable, the agent not loaded, or already there "
                + "with other options (it keeps its first ones)"})
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
        if (given.rules() != null && !Files.isReadable(given.rules())) {
            err.println("The rules file " + given.rules() + " cannot be read.");
            return Cli.USAGE;
        }
        for (Path path : given.paths()) {
            Optional<String> untrusted = Files.exists(path) ? TrustedPaths.problem(path) : Optional.empty();
            if (untrusted.isPresent()) { // the agent would refuse it in the target, where the user may not look
                err.println(path + " is not trusted: " + untrusted.get() + "; nothing was attached.");
                return Cli.USAGE;
            }
        }
        Optional<String> notAJvm = AttachTarget.problem(pid);
        if (notAJvm.isPresent()) {
            err.println("Refusing to attach: " + notAJvm.get() + ". It was not signalled.");
            return Cli.FAILURE;
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
            Optional<String> running = AttachReport.runningOptions(vm);
            if (running.isPresent()) {
                return AttachReport.alreadyRunning(pid, running.get(), given.text(), out, err);
            }
            if (given.rules() != null) {
                AttachReport.describeRules(given.rules(), out, err);
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
