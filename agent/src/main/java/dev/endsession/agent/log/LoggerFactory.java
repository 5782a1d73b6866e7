package dev.endsession.agent.log;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Hands out {@link Logger}s; the agent's start calls {@link #setLevel} with {@code log=} and
 * {@link #logToFile} with {@code log-file=}.
 */
public final class LoggerFactory {

    static final int ERROR = 0;
    static final int WARN = 1;
    static final int INFO = 2;
    static final int DEBUG = 3;

    private static volatile int threshold = WARN;
    private static volatile String levelName = "warn";
    private static volatile boolean bound;
    // Lines the agent writes itself: to the log file, or to stderr when SLF4J is missing. Null: SLF4J.
    private static volatile LogLines lines;

    private LoggerFactory() {
    }

    /** @param name the logger's name, {@code endsession.<package>} @return a logger that binds SLF4J on first use */
    public static Logger getLogger(String name) {
        return new Logger(name);
    }

    /** @param level error, warn, info or debug */
    public static void setLevel(String level) {
        levelName = level.toLowerCase(Locale.ROOT);
        threshold = switch (levelName) {
            case "error" -> ERROR;
            case "info" -> INFO;
            case "debug" -> DEBUG;
            default -> WARN;
        };
    }

    /** @param file from now on every line goes there (appended) instead of stderr */
    public static void logToFile(Path file) {
        lines = LogLines.toFile(file);
    }

    /**
     * A problem the user must see whatever the level (a bad option): one line on stderr, and in the
     * log file too, if there is one.
     *
     * @param line the line, e.g. {@code endsession: option x='y' is not valid ...}
     */
    public static void problem(String line) {
        System.err.println(line);
        LogLines current = lines;
        if (current != null) {
            current.writeToFile("[ERROR] " + line);
        }
    }

    static boolean enabled(int level) {
        return level <= threshold;
    }

    /** @return the lines the agent writes itself, or {@code null} while SLF4J is used */
    static LogLines lines() {
        return lines;
    }

    /**
     * Binds and configures SLF4J once, on the first message that will be printed.
     *
     * @return the SLF4J logger, or {@code null} if SLF4J is not on the class path (the testkit in a
     *     user's tests): the agent then writes its lines itself
     */
    static org.slf4j.Logger slf4j(String name) {
        if (!bound) {
            synchronized (LoggerFactory.class) {
                if (!bound) {
                    try {
                        Slf4jSetup.configure(levelName);
                    } catch (LinkageError missing) {
                        lines = LogLines.stderr();
                    }
                    bound = true;
                }
            }
        }
        return lines == null ? org.slf4j.LoggerFactory.getLogger(name) : null;
    }
}
