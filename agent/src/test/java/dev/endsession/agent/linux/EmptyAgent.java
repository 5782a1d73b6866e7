package dev.endsession.agent.linux;

import java.lang.instrument.Instrumentation;

/** The baseline of {@link LinuxBench}'s start-up: a {@code premain} that does nothing. */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        // nothing: what any -javaagent costs
    }
}
