package dev.endsession.agent.testing;

import java.util.concurrent.CountDownLatch;

/**
 * An application that knows nothing of EndSession: it prints {@code ready <pid>} and waits until
 * it is stopped. Integration tests run it with the agent.
 */
public final class WaitingApp {

    private WaitingApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
