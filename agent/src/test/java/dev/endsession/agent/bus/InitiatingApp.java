package dev.endsession.agent.bus;

import dev.endsession.api.EndSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * An app that logs the session off from inside, through the facade, when it reads a line on its
 * standard input; it prints {@code logoff returned <result>} and waits to be ended.
 */
public final class InitiatingApp {

    private InitiatingApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (in.readLine() != null) {
            System.out.println("logoff returned " + EndSession.logoff(false));
            System.out.flush();
        }
        new CountDownLatch(1).await();
    }
}
