package dev.endsession.agent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The agent options given to {@code attach}, joined into one {@code k=v,k=v} string, with the paths
 * ({@code rules}, {@code plugins}, {@code config}) made absolute: the target JVM has its own working
 * directory.
 *
 * @param text the option string for the target
 * @param rules the rules file, if given
 * @param paths every path given ({@code rules}, {@code plugins}, {@code config}), absolute
 */
record AttachOptions(String text, Path rules, List<Path> paths) {

    private static final Set<String> PATHS = Set.of("rules", "plugins", "config");

    static AttachOptions of(List<String> given) {
        List<String> parts = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        Path rules = null;
        for (String arg : given) {
            for (String part : arg.split(",")) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
                if (eq > 0 && PATHS.contains(key) && !part.substring(eq + 1).isBlank()) {
                    Path path = Path.of(part.substring(eq + 1).strip()).toAbsolutePath().normalize();
                    part = key + "=" + path;
                    paths.add(path);
                    rules = key.equals("rules") ? path : rules;
                }
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return new AttachOptions(String.join(",", parts), rules, List.copyOf(paths));
    }
}
