package dev.endsession.agent.config;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Binds the agent's own SLF4J to slf4j-simple with the level from {@code log=}. slf4j-simple reads
 * {@code simplelogger.properties} through the context class loader, so we hand it ours for the one
 * moment it initialises, instead of setting system properties the application's logging could see.
 */
public final class LogSetup {

    private LogSetup() {
    }

    /** @param level error, warn, info or debug */
    public static void configure(String level) {
        String properties = String.join("\n",
                "org.slf4j.simpleLogger.defaultLogLevel=" + level,
                "org.slf4j.simpleLogger.logFile=System.err",
                "org.slf4j.simpleLogger.showThreadName=false",
                "org.slf4j.simpleLogger.showLogName=true",
                "org.slf4j.simpleLogger.levelInBrackets=true",
                "org.slf4j.simpleLogger.showDateTime=false");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(LogSetup.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return "simplelogger.properties".equals(name)
                        ? new ByteArrayInputStream(properties.getBytes(StandardCharsets.UTF_8))
                        : super.getResourceAsStream(name);
            }
        });
        try {
            LoggerFactory.getLogger("endsession"); // binds and configures slf4j-simple now
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
