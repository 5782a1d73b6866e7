package dev.endsession.agent.log;

import java.util.Locale;

/** Hands out {@link Logger}s; {@link #setLevel} is called once at start-up with {@code log=}. */
public final class LoggerFactory {

    static final int ERROR = 0;
    static final int WARN = 1;
    static final int INFO = 2;
    static final int DEBUG = 3;

    private static volatile int threshold = WARN;
    private static volatile String levelName = "warn";
    private static volatile boolean bound;

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

    static boolean enabled(int level) {
        return level <= threshold;
    }

    /** Binds and configures SLF4J once, on the first message that will be printed. */
    static org.slf4j.Logger slf4j(String name) {
        if (!bound) {
            synchronized (LoggerFactory.class) {
                if (!bound) {
                    Slf4jSetup.configure(levelName);
                    bound = true;
                }
            }
        }
        return org.slf4j.LoggerFactory.getLogger(name);
    }
}
