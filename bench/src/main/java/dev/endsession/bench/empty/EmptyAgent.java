package dev.endsession.bench.empty;

import java.lang.instrument.Instrumentation;

/**
 * An agent that does nothing: what any {@code -javaagent} costs (the JVM opens the jar, resolves
 * {@code java.instrument}, and can no longer use the archived module graph). The floor our agent is
 * measured against.
 */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        // nothing, on purpose
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        // nothing, on purpose
    }
}
