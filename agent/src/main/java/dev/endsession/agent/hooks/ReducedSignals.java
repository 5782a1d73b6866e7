package dev.endsession.agent.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the JVM runs with {@code -Xrs} ({@code -XX:+ReduceSignalUsage}): then SIGTERM, SIGINT and
 * SIGHUP end it at once without running shutdown hooks, so the agent's cleanups (and the app's
 * hooks) run at an end of session or {@code System.exit}, never at a plain {@code kill}. The agent
 * cannot change that; it says so once, at start. Read from the JVM's own command line
 * ({@code ProcessHandle.info()}) and the variables the JVM and the launcher read options from.
 */
public final class ReducedSignals {

    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private ReducedSignals() {
    }

    /**
     * @param env the environment
     * @return the one line to say if this JVM runs with reduced signals, else {@code null}
     */
    public static String warning(Map<String, String> env) {
        List<String> options = new ArrayList<>(ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()));
        for (String variable : OPTION_VARIABLES) {
            String value = env.get(variable);
            if (value != null) {
                options.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return reduced(options) ? "this JVM runs with -Xrs: SIGTERM ends it without shutdown hooks, so cleanups run at an"
                + " end of session or System.exit but not at a kill (its bus socket is left behind; the next initiator"
                + " removes it)" : null;
    }

    /**
     * @return {@code true} if the last word on reduced signal usage among {@code options} turns it on
     *     (the whole command line is looked at: telling a JVM option's value from the main class takes
     *     the launcher's whole grammar, and an app argument spelled exactly {@code -Xrs} is unlikely)
     */
    static boolean reduced(List<String> options) {
        boolean reduced = false;
        for (String option : options) {
            if (option.equals("-Xrs") || option.equals("-XX:+ReduceSignalUsage")) {
                reduced = true;
            } else if (option.equals("-XX:-ReduceSignalUsage")) {
                reduced = false;
            }
        }
        return reduced;
    }
}
