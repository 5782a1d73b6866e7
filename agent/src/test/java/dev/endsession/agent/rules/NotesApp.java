package dev.endsession.agent.rules;

import com.acme.notes.Notes;
import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Drives the example notes app ({@code examples/plain-app}, which has never heard of EndSession)
 * in a real JVM: its class path is the app alone; the agent comes only through {@code -javaagent}
 * or {@code attach}. Each command waits for the app's answer.
 */
final class NotesApp implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final TestJvm jvm;
    private final OutputStream in;
    private int sent;

    private NotesApp(TestJvm jvm) {
        this.jvm = jvm;
        this.in = jvm.process().getOutputStream();
        jvm.awaitLine("^ready ", WAIT);
    }

    /** @return the app's classes: a directory or jar built by the examples/plain-app module */
    static Path classes() {
        try {
            return Path.of(Notes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param agentOptions the agent's options, or null for no agent at all */
    static NotesApp start(Path dir, String agentOptions, String... jvmOptions) {
        return start(dir, Map.of(), agentOptions, jvmOptions);
    }

    /** @param env extra environment, e.g. the session bus directory @param agentOptions null for no agent */
    static NotesApp start(Path dir, Map<String, String> env, String agentOptions, String... jvmOptions) {
        TestJvm.Builder builder = TestJvm.main(Notes.class).classPathOnly(classes()).jvmOptions(jvmOptions);
        builder = agentOptions == null ? builder.withoutAgent() : builder.agentOptions(agentOptions);
        for (Map.Entry<String, String> variable : env.entrySet()) {
            builder = builder.env(variable.getKey(), variable.getValue());
        }
        return new NotesApp(builder.start(dir));
    }

    /** Sends one command and waits for its {@code ok} line. */
    NotesApp send(String command) {
        try {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sent++;
        jvm.awaitLine("^(ok|error) " + sent + " ", WAIT);
        if (!jvm.stdout().contains("ok " + sent + " ")) {
            throw new AssertionError("'" + command + "' failed\n" + jvm.describe());
        }
        return this;
    }

    /**
     * Waits until {@code condition} holds, reading what the app wrote (files) between short pauses.
     *
     * @throws AssertionError naming {@code what}, with the app's output, if it does not in time
     */
    void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + WAIT + "\n" + jvm.describe());
            }
            try {
                Thread.sleep(20); // a pause between reads of what another process writes, not a synchronization
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** SIGTERM, as a logoff or kill would send, then waits for the exit. */
    void terminate() {
        jvm.terminate();
        jvm.awaitExit(WAIT);
    }

    TestJvm jvm() {
        return jvm;
    }

    long pid() {
        return jvm.pid();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
