package dev.endsession.agent.linux;

import dev.endsession.agent.testing.WaitingApp;

/** {@link LinuxBench}'s app: prints and exits; with {@code wait}, once the agent has started (its bridge too). */
public final class HelloApp {

    private HelloApp() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("wait")) {
            WaitingApp.awaitAgent();
        }
        System.out.println("hello");
    }
}
