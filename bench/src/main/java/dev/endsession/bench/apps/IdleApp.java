package dev.endsession.bench.apps;

import java.util.concurrent.CountDownLatch;

/**
 * The idle and round benchmarks' subject: prints {@code ready <pid>} and then does nothing at all
 * until it is stopped, so any CPU it uses is the JVM's own or the agent's.
 */
public final class IdleApp {

    private IdleApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
