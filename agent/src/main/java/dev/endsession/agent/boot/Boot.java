package dev.endsession.agent.boot;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;

/**
 * Entry point of {@code endsession-agent.jar}: {@code premain}, {@code agentmain} and the CLI's
 * {@code main}. It only opens the agent's isolated class loader and hands off; nothing is ever
 * thrown out of {@code premain} (that would abort the application).
 */
public final class Boot {

    private static final String AGENT = "dev.endsession.agent.Agent";
    private static final String CLI = "dev.endsession.agent.cli.Cli";

    private Boot() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, false);
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, true);
    }

    public static void main(String[] args) throws Throwable {
        try {
            IsolatedLoader.forThisJar().loadClass(CLI).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static synchronized void start(String options, Instrumentation instrumentation, boolean attached) {
        try {
            IsolatedLoader.forThisJar().loadClass(AGENT)
                    .getMethod("start", String.class, Instrumentation.class, boolean.class)
                    .invoke(null, options, instrumentation, attached);
        } catch (InvocationTargetException e) {
            System.err.println("endsession: the agent did not start, the application runs without it: " + e.getCause());
        } catch (Throwable e) {
            System.err.println("endsession: the agent did not start, the application runs without it: " + e);
        }
    }
}
