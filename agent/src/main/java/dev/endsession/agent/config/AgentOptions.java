package dev.endsession.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The agent's options, after parsing (see {@link OptionParser}). Immutable.
 *
 * @param name the name shown to the user and in {@code status}; the main class or jar by default
 * @param level the shutdown level: higher is asked first (0 to 0x4FF, default 0x280 as on Windows)
 * @param prompt how the user is asked
 * @param bridge how the JVM hears of the end of the session
 * @param plugins a directory of plugin jars, if any
 * @param rules a rules file, if any
 * @param log the agent's log level: error, warn, info or debug
 * @param service {@code true} to ignore logoffs, as a Windows service does
 * @param budget how long one listener may take to answer
 * @param onFailure how a listener that throws in a query counts
 * @param onHang how a listener that overruns its budget counts
 * @param exitBudget how long cleanups may take when the JVM exits on its own (SIGTERM, System.exit)
 */
public record AgentOptions(String name, int level, PromptMode prompt, BridgeMode bridge, Optional<Path> plugins,
        Optional<Path> rules, String log, boolean service, Duration budget, Counted onFailure, Counted onHang,
        Duration exitBudget) {

    /** Default shutdown level of an application on Windows. */
    public static final int DEFAULT_LEVEL = 0x280;

    /** How the user is asked. */
    public enum PromptMode { AUTO, SWING, CONSOLE, NONE }

    /** How the JVM hears of the end of the session. */
    public enum BridgeMode { AUTO, WINDOWS, BUS, NONE }

    /** How a misbehaving listener's answer counts. */
    public enum Counted { ALLOW, VETO }

    /** @return every option at its default, named {@code name} */
    public static AgentOptions defaults(String name) {
        return new AgentOptions(name, DEFAULT_LEVEL, PromptMode.AUTO, BridgeMode.AUTO, Optional.empty(), Optional.empty(),
                "warn", false, Duration.ofSeconds(1), Counted.ALLOW, Counted.ALLOW, Duration.ofSeconds(5));
    }
}
