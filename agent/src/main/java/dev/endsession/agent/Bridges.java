package dev.endsession.agent;

import dev.endsession.agent.config.AgentOptions.BridgeMode;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.util.Locale;

/**
 * The one place that picks a bridge for the platform. Bridges are loaded by name so that, say, no
 * JNA class is ever loaded off Windows.
 */
final class Bridges {

    private static final Logger LOG = LoggerFactory.getLogger("endsession");
    static final String WINDOWS = "dev.endsession.agent.windows.WindowsBridge";
    static final String BUS = "dev.endsession.agent.bus.BusBridge";
    /** Interim, until the Linux bridge exists: the bus with XSMP beside it. */
    static final String LINUX = "dev.endsession.agent.linux.xsmp.XsmpBesideBus";

    private Bridges() {
    }

    static Bridge choose(BridgeMode mode) {
        return switch (mode) {
            case NONE -> Bridge.None.INSTANCE;
            case WINDOWS -> load(WINDOWS);
            case BUS -> load(BUS);
            case AUTO -> load(onWindows() ? WINDOWS : onLinux() ? LINUX : BUS);
        };
    }

    static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static boolean onLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private static Bridge load(String className) {
        try {
            return (Bridge) Class.forName(className, true, Bridges.class.getClassLoader()).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.error("Bridge {} is not available ({}); this JVM hears only its own exit", className, e.toString());
            return Bridge.None.INSTANCE;
        }
    }
}
