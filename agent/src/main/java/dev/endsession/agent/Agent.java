package dev.endsession.agent;

import dev.endsession.agent.boot.Startup;
import dev.endsession.agent.config.AgentOptions;
import dev.endsession.agent.config.OptionParser;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.hooks.ReducedSignals;
import dev.endsession.agent.hooks.ShutdownHookReport;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.plugins.PluginFinder;
import dev.endsession.agent.prompt.PromptChooser;
import dev.endsession.agent.rules.Rules;
import dev.endsession.api.EndSessionListener;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * Starts the agent in this JVM: options, logging, coordinator, plugins, the JVM-exit hook, the
 * facade, and the bridge. Called by {@code Boot} through the isolated class loader. Never throws:
 * whatever fails is reported and the application runs on.
 */
public final class Agent {

    /** System property the agent sets in its JVM once it runs: the options it started with, which it keeps. */
    public static final String OPTIONS_PROPERTY = "endsession.agent.options";

    private static boolean running;

    private Agent() {
    }

    /**
     * @param text the agent's option string
     * @param instrumentation the JVM's instrumentation (for rules)
     * @param attached {@code true} when loaded into a running JVM ({@code agentmain})
     * @param startup told when listeners are about to exist and when the agent runs; the JVM's
     *     exit may have come first, then the start stops quietly
     */
    public static synchronized void start(String text, Instrumentation instrumentation, boolean attached,
            Startup startup) {
        OptionParser.Parsed parsed = OptionParser.parse(text, defaultName());
        // One line per bad option, on stderr, before anything else: the user must see these.
        for (String error : parsed.errors()) {
            System.err.println("endsession: " + error);
        }
        AgentOptions options = parsed.options();
        if (running) {
            System.err.println("endsession: the agent is already running in this JVM; nothing to do");
            return;
        }
        LoggerFactory.setLevel(options.log());
        Logger log = LoggerFactory.getLogger("endsession");
        Coordinator coordinator = new Coordinator(policy(options));
        if (!startup.beginListeners()) {
            return; // the JVM exits before any listener existed: nothing to start, nothing to clean up
        }
        for (EndSessionListener listener : PluginFinder.find(ClassLoader.getSystemClassLoader(), options.plugins())) {
            coordinator.register(listener);
        }
        if (options.rules().isPresent()) {
            Rules.start(options.rules().get(), coordinator, instrumentation, attached);
        }
        Bridge bridge = Bridges.choose(options.bridge());
        try {
            bridge.start(coordinator, options);
        } catch (Exception | LinkageError e) {
            log.error("The {} bridge did not start ({}); this JVM hears only its own exit", bridge.id(), e.toString());
            bridge.close();
            bridge = Bridge.None.INSTANCE;
        }
        if (instrumentation != null) {
            coordinator.onEndStarting(ShutdownHookReport.onEndOfSession(instrumentation));
        }
        running = true;
        System.setProperty(OPTIONS_PROPERTY, text == null ? "" : text); // what a later attach is told it keeps
        startup.started(new AgentBackend(coordinator, bridge), new JvmExit(coordinator, options.exitBudget()));
        if (log.isInfoEnabled()) {
            log.info("EndSession agent started as '{}' (bridge {}, {} listeners{})", options.name(), bridge.id(),
                    coordinator.listenerNames().size(), attached ? ", attached" : "");
        }
        String reducedSignals = ReducedSignals.warning(System.getenv());
        if (reducedSignals != null) {
            log.warn(reducedSignals);
        }
    }

    private static Policy policy(AgentOptions options) {
        return new Policy(options.budget(), options.onFailure() == AgentOptions.Counted.VETO,
                options.onHang() == AgentOptions.Counted.VETO, PromptChooser.choose(options.prompt(), options.name()));
    }

    /** The main class or jar the JVM was started with, e.g. {@code notes.jar} or {@code Notes}. */
    static String defaultName() {
        String command = System.getProperty("sun.java.command", "").strip();
        if (command.isEmpty()) {
            return "java";
        }
        String first = command.split(" ", 2)[0];
        if (first.endsWith(".jar")) {
            Path file = Path.of(first).getFileName();
            return file == null ? first : file.toString();
        }
        return first.substring(first.lastIndexOf('.') + 1);
    }
}
