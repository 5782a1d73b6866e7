package dev.endsession.agent.log;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the agent's log goes, from the {@code log-file} option: a path; {@code default}, the per-OS
 * place for an app's logs; {@code stderr}; or, when not given, stderr, except for a Windows app
 * started with {@code javaw.exe}, which has no stderr: the default file then.
 */
public final class LogFile {

    /** The {@code log-file} value naming the per-OS default file. */
    public static final String DEFAULT = "default";
    /** The {@code log-file} value naming stderr. */
    public static final String STDERR = "stderr";

    private LogFile() {
    }

    /**
     * @param option the {@code log-file} value, empty if not given
     * @param appName the app's name ({@code name=}), which names the default file
     * @return the log file, or empty for stderr
     * @throws InvalidPathException if {@code option} is not a path on this system
     */
    public static Optional<Path> choose(String option, String appName) {
        String os = System.getProperty("os.name", "");
        if (option.isEmpty()) {
            return noConsole(os) ? Optional.of(defaultFile(os, System.getenv(), System.getProperty("user.home"), appName)) : Optional.empty();
        }
        if (option.equalsIgnoreCase(STDERR)) {
            return Optional.empty();
        }
        if (option.equalsIgnoreCase(DEFAULT)) {
            return Optional.of(defaultFile(os, System.getenv(), System.getProperty("user.home"), appName));
        }
        return Optional.of(Path.of(option));
    }

    /**
     * The per-OS default: {@code %LOCALAPPDATA%\endsession\logs\<name>.log} on Windows,
     * {@code ~/Library/Logs/endsession/<name>.log} on macOS, and
     * {@code $XDG_STATE_HOME/endsession/logs/<name>.log} (default {@code ~/.local/state}) elsewhere.
     *
     * @param os the {@code os.name}
     * @param env the environment
     * @param home the user's home directory
     * @param appName the app's name; characters a file name may not hold become {@code _}
     * @return the file
     */
    static Path defaultFile(String os, Map<String, String> env, String home, String appName) {
        String file = appName.replaceAll("[^A-Za-z0-9._-]", "_") + ".log";
        String lower = os.toLowerCase(Locale.ROOT);
        if (lower.startsWith("windows")) {
            String local = env.getOrDefault("LOCALAPPDATA", "");
            Path base = local.isEmpty() ? Path.of(home, "AppData", "Local") : Path.of(local);
            return base.resolve("endsession").resolve("logs").resolve(file);
        }
        if (lower.startsWith("mac")) {
            return Path.of(home, "Library", "Logs", "endsession", file);
        }
        String state = env.getOrDefault("XDG_STATE_HOME", "");
        Path base = state.isEmpty() || !Path.of(state).isAbsolute() ? Path.of(home, ".local", "state") : Path.of(state);
        return base.resolve("endsession").resolve("logs").resolve(file);
    }

    /** A Windows JVM started by {@code javaw.exe} has no console and no stderr to log to. */
    private static boolean noConsole(String os) {
        return os.toLowerCase(Locale.ROOT).startsWith("windows") && System.console() == null
                && ProcessHandle.current().info().command().map(c -> c.toLowerCase(Locale.ROOT).endsWith("javaw.exe")).orElse(false);
    }
}
