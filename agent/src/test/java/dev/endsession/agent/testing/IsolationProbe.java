package dev.endsession.agent.testing;

import java.lang.reflect.Method;

/**
 * An application with its own JNA, Byte Buddy and SLF4J on its class path (reflection only, so it
 * compiles without them). Prints where each library came from and which SLF4J binding it got,
 * logs one line through its own SLF4J, then waits like {@link WaitingApp}.
 */
public final class IsolationProbe {

    private IsolationProbe() {
    }

    public static void main(String[] args) throws Exception {
        report("jna", "com.sun.jna.Native");
        report("bytebuddy", "net.bytebuddy.ByteBuddy");
        report("slf4j", "org.slf4j.LoggerFactory");
        report("picocli", "picocli.CommandLine");
        report("agent-core", "dev.endsession.agent.core.Coordinator");
        report("api", "dev.endsession.api.EndSession");
        try {
            Class<?> factory = Class.forName("org.slf4j.LoggerFactory");
            Object loggerFactory = factory.getMethod("getILoggerFactory").invoke(null);
            System.out.println("slf4j-binding " + loggerFactory.getClass().getName());
            Object logger = factory.getMethod("getLogger", String.class).invoke(null, "probe");
            Method info = logger.getClass().getMethod("info", String.class);
            info.invoke(logger, "app-log-line");
        } catch (ClassNotFoundException e) {
            System.out.println("slf4j-binding absent");
        }
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private static void report(String label, String className) {
        try {
            Class<?> type = Class.forName(className);
            var source = type.getProtectionDomain().getCodeSource();
            System.out.println(label + " " + (source == null ? "(no source)" : source.getLocation()));
        } catch (ClassNotFoundException e) {
            System.out.println(label + " absent");
        }
    }
}
