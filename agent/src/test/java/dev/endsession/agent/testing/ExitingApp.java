package dev.endsession.agent.testing;

/** An application that prints {@code ready <pid>} and calls {@code System.exit(0)} when told to on stdin. */
public final class ExitingApp {

    private ExitingApp() {
    }

    public static void main(String[] args) throws Exception {
        WaitingApp.awaitAgent();
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        System.in.read(); // one line from the test means: exit now
        System.exit(0);
    }
}
