package dev.endsession.agent.boot;

import dev.endsession.api.EndSession;
import java.io.IOException;
import java.io.Reader;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Entry point of {@code endsession-agent.jar}: {@code premain}, {@code agentmain} and the CLI's
 * {@code main}. It only opens the agent's isolated class loader and hands off; nothing is ever
 * thrown out of {@code premain} (that would abort the application).
 *
 * <p>{@code premain} starts the agent on its own thread, beside the application's start
 * ({@link Startup} says why and what still holds), unless the options name rules (directly or in
 * their {@code config=} file): classes must be woven before the application loads them, so then
 * the agent starts before {@code main}.
 */
public final class Boot {

    private static final String AGENT = "dev.endsession.agent.Agent";
    private static final String CLI = "dev.endsession.agent.cli.Cli";

    private Boot() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        try {
            Startup startup = prepare();
            if (mayNameRules(options)) {
                start(startup, options, instrumentation, false);
                return;
            }
            EndSession.installBackend(new StartingBackend(startup));
            Thread thread = new Thread(new Starter(startup, options, instrumentation), "endsession-start");
            thread.setDaemon(true); // never keeps the JVM alive
            startup.startsOn(thread);
            thread.start();
        } catch (Throwable e) {
            System.err.println("endsession: the agent did not start, the application runs without it: " + e);
        }
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        try {
            start(prepare(), options, instrumentation, true);
        } catch (Throwable e) {
            System.err.println("endsession: the agent did not start, the application runs without it: " + e);
        }
    }

    public static void main(String[] args) throws Throwable {
        try {
            IsolatedLoader.forThisJar().loadClass(CLI).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** @return a start whose exit hook is in place before anything else happens */
    private static Startup prepare() {
        Startup startup = new Startup();
        Runtime.getRuntime().addShutdownHook(new ExitHook(startup));
        return startup;
    }

    /**
     * @return whether the options name rules, directly or in their {@code config=} file (read again
     *     by the agent; a file that cannot be read counts as naming rules: the agent then starts
     *     before {@code main} and reports it, as it always did)
     */
    static boolean mayNameRules(String options) {
        String config = null;
        for (OptionText.Part part : OptionText.parts(options)) {
            if (part.key().equals("rules")) {
                return true;
            }
            if (part.key().equals("config")) {
                config = part.value();
            }
        }
        return config != null && configNamesRules(config);
    }

    private static boolean configNamesRules(String file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file))) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            return true;
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.strip().equals("rules")) {
                return true;
            }
        }
        return false;
    }

    private static synchronized void start(Startup startup, String options, Instrumentation instrumentation,
            boolean attached) {
        try {
            IsolatedLoader.forThisJar().loadClass(AGENT)
                    .getMethod("start", String.class, Instrumentation.class, boolean.class, Startup.class)
                    .invoke(null, options, instrumentation, attached, startup);
            EndSession.Backend running = startup.backend();
            if (running != null) {
                EndSession.installBackend(running); // the facade no longer needs to wait
            }
        } catch (InvocationTargetException e) {
            report(startup, e.getCause());
        } catch (Throwable e) {
            report(startup, e);
        } finally {
            startup.ended();
        }
    }

    private static void report(Startup startup, Throwable e) {
        if (!startup.abandoned()) { // else the JVM is exiting: whatever failed no longer matters
            System.err.println("endsession: the agent did not start, the application runs without it: " + e);
        }
    }

    /** The start thread's body; a named class, not a lambda (bootstrapping one costs milliseconds). */
    private static final class Starter implements Runnable {
        private final Startup startup;
        private final String options;
        private final Instrumentation instrumentation;

        Starter(Startup startup, String options, Instrumentation instrumentation) {
            this.startup = startup;
            this.options = options;
            this.instrumentation = instrumentation;
        }

        @Override
        public void run() {
            start(startup, options, instrumentation, false);
        }
    }

    /** SIGTERM, {@code System.exit} or the last thread ending: the cleanups, through {@link Startup#exit}. */
    private static final class ExitHook extends Thread {
        private final Startup startup;

        ExitHook(Startup startup) {
            super("endsession-exit");
            this.startup = startup;
        }

        @Override
        public void run() {
            startup.exit();
        }
    }
}
