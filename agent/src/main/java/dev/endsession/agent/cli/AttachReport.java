package dev.endsession.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import dev.endsession.agent.Agent;
import dev.endsession.agent.rules.Rule;
import dev.endsession.agent.rules.RulesFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code attach} tells the user about the target and the rules it brings. */
final class AttachReport {

    private static final Pattern JAVAAGENT = Pattern.compile("-javaagent:\\S*endsession-agent\\S*\\.jar(?:=(\\S*))?");

    private AttachReport() {
    }

    /**
     * Says what each rule will reach once attached: a tracking rule sees only objects created from
     * now on; an accessor rule reaches old and new alike.
     */
    static void describeRules(Path file, PrintWriter out, PrintWriter err) {
        RulesFile.Parsed parsed = RulesFile.read(file);
        parsed.errors().forEach(e -> err.println("rules: " + e));
        for (Rule rule : parsed.rules()) {
            if (rule.track().isPresent()) {
                out.println("Rule [" + rule.name() + "] tracks " + rule.className() + ": objects created before this attach are "
                        + "not seen, only new ones. To reach those, add a rule with accessor = SomeClass#staticMethod() that returns them.");
            } else {
                out.println("Rule [" + rule.name() + "] reaches its objects through " + rule.accessor().orElseThrow()
                        + ", old and new alike.");
            }
        }
    }

    /**
     * @return the options of the agent running in the target, if it runs: those it published when it
     *     started ({@link Agent#OPTIONS_PROPERTY}), else those of its {@code -javaagent:...endsession-agent...jar=...}
     *     (a JVM whose agent is still starting)
     */
    static Optional<String> runningOptions(VirtualMachine vm) throws IOException {
        String published = vm.getSystemProperties().getProperty(Agent.OPTIONS_PROPERTY);
        if (published != null) {
            return Optional.of(published);
        }
        String args = vm.getAgentProperties().getProperty("sun.jvm.args", "");
        Matcher agent = JAVAAGENT.matcher(args);
        return agent.find() ? Optional.of(agent.group(1) == null ? "" : agent.group(1)) : Optional.empty();
    }

    /**
     * Says plainly that an agent already there keeps its first options.
     *
     * @return the exit code: 0 if the options asked for are those it runs with, else 3
     */
    static int alreadyRunning(long pid, String running, String asked, PrintWriter out, PrintWriter err) {
        if (running.equals(asked)) {
            out.println("The EndSession agent already runs in pid " + pid + " with these options; nothing to do.");
            return Cli.ENDED;
        }
        err.println("The EndSession agent already runs in pid " + pid + " with the options it started with ("
                + (running.isEmpty() ? "none" : running) + ") and keeps them: " + (asked.isEmpty() ? "no options" : asked)
                + " not applied. Restart the application to change them.");
        return Cli.FAILURE;
    }

    /** @return the target's main class or jar, as {@code jps} shows it */
    static String commandOf(VirtualMachine vm) throws IOException {
        String command = vm.getSystemProperties().getProperty("sun.java.command", "?").strip();
        return command.isEmpty() ? "?" : command.split(" ", 2)[0];
    }
}
