package dev.endsession.agent.log;

/**
 * A logger with SLF4J's methods and message format ({@code {}} placeholders), that touches SLF4J
 * only when a message is printed, and not at all when the log goes to a file. Thread-safe.
 */
public final class Logger {

    private final String name;
    private volatile org.slf4j.Logger target;

    Logger(String name) {
        this.name = name;
    }

    public void error(String format, Object... args) {
        log(LoggerFactory.ERROR, format, args);
    }

    public void warn(String format, Object... args) {
        log(LoggerFactory.WARN, format, args);
    }

    public void info(String format, Object... args) {
        log(LoggerFactory.INFO, format, args);
    }

    public void debug(String format, Object... args) {
        log(LoggerFactory.DEBUG, format, args);
    }

    /**
     * A line of the round record: always written to the log file when there is one (a GUI app's
     * only trace of what it did at the end of a session), else logged as info.
     */
    public void record(String format, Object... args) {
        LogLines lines = LoggerFactory.lines();
        if (lines != null && lines.toFile()) {
            lines.write(LoggerFactory.INFO, name, format, args);
        } else {
            info(format, args);
        }
    }

    /** @return {@code true} if info messages are printed */
    public boolean isInfoEnabled() {
        return LoggerFactory.enabled(LoggerFactory.INFO);
    }

    private void log(int level, String format, Object[] args) {
        if (!LoggerFactory.enabled(level)) {
            return;
        }
        LogLines lines = LoggerFactory.lines();
        if (lines == null) {
            org.slf4j.Logger logger = slf4j();
            if (logger != null) {
                switch (level) {
                    case LoggerFactory.ERROR -> logger.error(format, args);
                    case LoggerFactory.WARN -> logger.warn(format, args);
                    case LoggerFactory.INFO -> logger.info(format, args);
                    default -> logger.debug(format, args);
                }
                return;
            }
            lines = LoggerFactory.lines();
        }
        lines.write(level, name, format, args);
    }

    private org.slf4j.Logger slf4j() {
        org.slf4j.Logger logger = target;
        if (logger == null) {
            logger = LoggerFactory.slf4j(name);
            target = logger;
        }
        return logger;
    }
}
