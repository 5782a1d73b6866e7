package dev.endsession.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import dev.endsession.agent.rules.Rule;
import dev.endsession.agent.rules.RulesFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code attach} tells the user about the target and the rules it brings. */
final class AttachReport {

    private AttachReport() {
    }

    /**
     * Says what each rule will reach once attached: a tracking rule sees only objects created from
     * now on; an accessor rule reaches old and new alike.
     *
     * @return false if the file cannot be read (nothing to attach with)
     */
    static boolean describeRules(Path file, PrintWriter out, PrintWriter err) {
        if (!Files.isReadable(file)) {
            err.println("The rules file " + file + " cannot be read.");
            return false;
        }
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
        return true;
    }

    /** @return whether the target JVM was started with this agent ({@code -javaagent:...endsession-agent...jar}) */
    static boolean startedWithAgent(VirtualMachine vm) throws IOException {
        String args = vm.getAgentProperties().getProperty("sun.jvm.args", "");
        return args.matches("(?s).*-javaagent:\\S*endsession-agent\\S*\\.jar.*");
    }

    /** @return the target's main class or jar, as {@code jps} shows it */
    static String commandOf(VirtualMachine vm) throws IOException {
        String command = vm.getSystemProperties().getProperty("sun.java.command", "?").strip();
        return command.isEmpty() ? "?" : command.split(" ", 2)[0];
    }
}
