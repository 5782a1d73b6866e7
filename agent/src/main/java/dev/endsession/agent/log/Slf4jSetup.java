package dev.endsession.agent.log;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Binds the agent's own SLF4J to slf4j-simple with the level from {@code log=}. slf4j-simple reads
 * {@code simplelogger.properties} through the context class loader, so we hand it ours for the one
 * moment it initialises, instead of setting system properties the application's logging could see.
 */
final class Slf4jSetup {

    private Slf4jSetup() {
    }

    /** @param level error, warn, info or debug */
    static void configure(String level) {
        String properties = String.join("\n",
                "org.slf4j.simpleLogger.defaultLogLevel=" + level,
                "org.slf4j.simpleLogger.logFile=System.err",
                "org.slf4j.simpleLogger.showThreadName=false",
                "org.slf4j.simpleLogger.showLogName=true",
                "org.slf4j.simpleLogger.levelInBrackets=true",
                "org.slf4j.simpleLogger.showDateTime=false");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(Slf4jSetup.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return "simplelogger.properties".equals(name)
                        ? new ByteArrayInputStream(properties.getBytes(StandardCharsets.UTF_8))
                        : super.getResourceAsStream(name);
            }
        });
        try {
            org.slf4j.LoggerFactory.getLogger("endsession"); // binds and configures slf4j-simple now
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
