package dev.endsession.agent.bus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The name of an app that cannot say it (frozen, or not answering hello), read from its command
 * line as the agent itself would choose it: the {@code name=} agent option, else the jar's file
 * name, else the main class's simple name. So a hung app is reported as {@code hung notes (pid 42)},
 * not as a nameless pid.
 */
final class ProcessNames {

    /** JVM options whose value is the next argument. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-opens", "--add-exports", "--add-reads",
            "--patch-module", "--enable-native-access");

    private ProcessNames() {
    }

    /** @return the name of the process {@code pid}, if its command line can be read */
    static Optional<String> of(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).flatMap(args -> fromArguments(List.of(args)));
    }

    /**
     * @param args the JVM's arguments, without the {@code java} command itself
     * @return the name the agent would have chosen, if the arguments tell
     */
    static Optional<String> fromArguments(List<String> args) {
        String jar = null;
        String main = null;
        for (int i = 0; i < args.size() && jar == null && main == null; i++) {
            String arg = args.get(i);
            if (arg.startsWith("-javaagent:") && arg.contains("endsession")) {
                Optional<String> named = nameOption(arg);
                if (named.isPresent()) {
                    return named;
                }
            } else if (arg.equals("-jar") && i + 1 < args.size()) {
                jar = args.get(i + 1);
            } else if ((arg.equals("-m") || arg.equals("--module")) && i + 1 < args.size()) {
                String module = args.get(i + 1);
                main = module.substring(module.indexOf('/') + 1);
            } else if (WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                main = arg;
            }
        }
        if (jar != null) {
            Path file = Path.of(jar).getFileName();
            return Optional.of(file == null ? jar : file.toString());
        }
        return main == null ? Optional.empty() : Optional.of(main.substring(main.lastIndexOf('.') + 1));
    }

    /** @return the {@code name=} in {@code -javaagent:jar=k=v,name=X,...} */
    private static Optional<String> nameOption(String agent) {
        int eq = agent.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        for (String option : agent.substring(eq + 1).split(",")) {
            String[] kv = option.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals("name") && !kv[1].isBlank()) {
                return Optional.of(kv[1].strip());
            }
        }
        return Optional.empty();
    }
}
