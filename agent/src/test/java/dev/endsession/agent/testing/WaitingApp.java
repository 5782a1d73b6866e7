package dev.endsession.agent.testing;

import java.util.concurrent.CountDownLatch;

/**
 * An application that knows nothing of EndSession: it prints {@code ready <pid>} and waits until
 * it is stopped. Integration tests run it with the agent. With {@code -Dendsession.test.app-hook=true}
 * it has a shutdown hook of its own, which prints {@code app shutdown hook ran}.
 */
public final class WaitingApp {

    /** System property: {@code true} to register the app's own shutdown hook. */
    public static final String APP_HOOK = "endsession.test.app-hook";

    private WaitingApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Boolean.getBoolean(APP_HOOK)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("app shutdown hook ran");
                System.out.flush();
            }, "app-hook"));
        }
        awaitAgent();
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * Makes "ready" mean that the agent runs too: it starts beside the application, and a test that
     * stops the JVM at once would otherwise race its start (a JVM that exits before the agent made
     * any listener has nothing to clean up). Asks the facade, which waits for the start, through
     * reflection: without the agent there is no API and nothing to wait for.
     */
    public static void awaitAgent() {
        try {
            Class.forName("dev.endsession.api.EndSession").getMethod("isAgentPresent").invoke(null);
        } catch (ClassNotFoundException e) {
            // no agent in this JVM
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
