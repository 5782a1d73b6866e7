package dev.endsession.agent.log;

/**
 * A logger with SLF4J's methods and message format ({@code {}} placeholders), that touches SLF4J
 * only when a message is printed. Thread-safe.
 */
public final class Logger {

    private final String name;
    private volatile org.slf4j.Logger target;

    Logger(String name) {
        this.name = name;
    }

    public void error(String format, Object... args) {
        if (LoggerFactory.enabled(LoggerFactory.ERROR)) {
            slf4j().error(format, args);
        }
    }

    public void warn(String format, Object... args) {
        if (LoggerFactory.enabled(LoggerFactory.WARN)) {
            slf4j().warn(format, args);
        }
    }

    public void info(String format, Object... args) {
        if (LoggerFactory.enabled(LoggerFactory.INFO)) {
            slf4j().info(format, args);
        }
    }

    public void debug(String format, Object... args) {
        if (LoggerFactory.enabled(LoggerFactory.DEBUG)) {
            slf4j().debug(format, args);
        }
    }

    /** @return {@code true} if info messages are printed */
    public boolean isInfoEnabled() {
        return LoggerFactory.enabled(LoggerFactory.INFO);
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
