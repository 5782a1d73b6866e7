package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import dev.endsession.api.EndSessionListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A private session bus for one integration test: its own {@code ENDSESSION_BUS_DIR}, real app
 * JVMs with the agent and a {@link RecordingListener} writing to one shared record file, and the
 * CLI run in-process against the same directory. Closing it kills whatever is still running.
 */
public final class BusSession implements AutoCloseable {

    /** How long an app may take to start. */
    public static final Duration START = Duration.ofSeconds(30);

    private final Path dir;
    private final Path busDir;
    private final Path record;
    private final List<TestJvm> jvms = new ArrayList<>();

    /** @param dir a directory of the test's own: the bus, the record file and the JVMs' output go there */
    public BusSession(Path dir) {
        this.dir = dir;
        this.busDir = dir.resolve("bus");
        this.record = dir.resolve("record.txt");
    }

    public Path busDir() {
        return busDir;
    }

    public Path record() {
        return record;
    }

    /** Starts an app in the default session and waits until it is ready (its endpoint listens by then). */
    public TestJvm app(String agentOptions, String... jvmOptions) {
        return app("default", agentOptions, List.of(), jvmOptions);
    }

    /** Starts an app with extra listeners in {@code session}, and waits until its endpoint listens. */
    public TestJvm app(String session, String agentOptions, List<Class<? extends EndSessionListener>> extra, String... jvmOptions) {
        TestJvm jvm = start(session, agentOptions, extra, jvmOptions);
        Path socket = busDir.resolve(session).resolve(jvm.pid() + ".sock");
        await(() -> Files.exists(socket), "the socket " + socket, jvm);
        return jvm;
    }

    /** Starts an app in {@code session} and waits until its main method runs (the agent has started by then). */
    public TestJvm start(String session, String agentOptions, List<Class<? extends EndSessionListener>> extra, String... jvmOptions) {
        TestJvm.Builder builder = TestJvm.main(WaitingApp.class).agentOptions(agentOptions + ",bridge=bus")
                .listener(RecordingListener.class).jvmOptions("-D" + RecordingListener.RECORD + "=" + record)
                .jvmOptions(jvmOptions).env(SessionDirectory.BUS_DIR, busDir.toString())
                .env(SessionDirectory.SESSION, session);
        extra.forEach(builder::listener);
        TestJvm jvm = builder.start(dir.resolve("jvms"));
        jvms.add(jvm);
        jvm.awaitLine("^ready ", START);
        return jvm;
    }

    /** Waits until {@code jvm}'s standard error contains {@code text} (the agent logs there). */
    public static void awaitStderr(TestJvm jvm, String text) {
        await(() -> jvm.stderr().contains(text), "'" + text + "' on stderr", jvm);
    }

    /** Polls for something another process makes happen (a file, a line), within {@link #START}. */
    public static void await(BooleanSupplier condition, String what, TestJvm jvm) {
        Instant end = Instant.now().plus(START);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(end), "no " + what + " within " + START + "\n" + (jvm == null ? "" : jvm.describe()));
            try {
                Thread.sleep(10); // a pause between looks at what another process writes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The CLI's result. */
    public record Run(int code, String out, String err) {
    }

    /** Runs the CLI in this JVM, as the initiator of the default session. */
    public Run cli(String... args) {
        return cliIn("default", args);
    }

    /** Runs the CLI in this JVM as an initiator whose own session is {@code ownSession}. */
    public Run cliIn(String ownSession, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(Map.of(SessionDirectory.BUS_DIR, busDir.toString(), SessionDirectory.SESSION, ownSession),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** @return the record lines of {@code event} from {@code jvm}; every line of it for an empty event */
    public List<String> events(String event, TestJvm jvm) {
        String pid = " " + jvm.pid() + " ";
        return RecordingListener.lines(record).stream()
                .filter(line -> line.startsWith(event) && line.contains(pid) && line.indexOf(pid) == line.indexOf(' ')).toList();
    }

    /** @return the epoch millis of the first {@code event} of {@code jvm} */
    public long firstTime(String event, TestJvm jvm) {
        return Long.parseLong(events(event, jvm).get(0).split(" ")[2]);
    }

    /** Starts the real CLI, {@code java -jar endsession-agent.jar <args>}, as its own process in the default session. */
    public Process initiator(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TestJvm.agentJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(record.resolveSibling("cli-" + System.nanoTime() + ".out").toFile());
        builder.environment().put(SessionDirectory.BUS_DIR, busDir.toString());
        builder.environment().put(SessionDirectory.SESSION, "default");
        return builder.start();
    }

    /** Waits for {@code jvm} to record {@code event}, polling the file the apps write. */
    public void awaitEvent(String event, TestJvm jvm) {
        await(() -> !events(event, jvm).isEmpty(), "'" + event + "' from pid " + jvm.pid() + " in " + record, jvm);
    }

    @Override
    public void close() {
        jvms.forEach(TestJvm::close);
    }
}
