package dev.endsession.testkit;

import dev.endsession.agent.bus.BusException;
import dev.endsession.agent.bus.Initiator;
import dev.endsession.agent.bus.Progress;
import dev.endsession.agent.bus.RoundResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private session bus with real JVMs on it, each started with {@code -javaagent:endsession-agent.jar}
 * (from the system property {@code endsession.agent.jar}), and rounds run by the bus's real
 * initiator. Closing it kills what is left and deletes the bus directory.
 */
public final class RealSession implements AutoCloseable {

    /** System property: the path of {@code endsession-agent.jar}. */
    public static final String AGENT_JAR = "endsession.agent.jar";
    private static final String SESSION = "default";
    private static final Duration START = Duration.ofSeconds(30);

    private final Path home;
    private final Path busDir;
    private final Path agentJar;
    private final List<RealApp> apps = new ArrayList<>();

    private RealSession(Path home, Path agentJar) throws IOException {
        this.home = home;
        this.busDir = Files.createDirectory(home.resolve("bus"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        this.agentJar = agentJar;
    }

    /** @return a session on a fresh private bus directory @throws IOException if it cannot be made */
    public static RealSession create() throws IOException {
        String jar = System.getProperty(AGENT_JAR);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("Set the system property " + AGENT_JAR + " to the path of endsession-agent.jar (now: " + jar + ")");
        }
        Path home = Files.createTempDirectory("endsession-test", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new RealSession(home, Path.of(jar).toAbsolutePath());
    }

    /** @return the bus directory ({@code ENDSESSION_BUS_DIR} of the apps) */
    public Path busDirectory() {
        return busDir;
    }

    /**
     * Starts {@code mainClass} from the test's class path with the agent on this session's bus, and
     * waits until its endpoint listens.
     *
     * @param mainClass the app's main class
     * @param agentOptions the agent's options, e.g. {@code name=notes}
     * @param args the app's arguments
     * @return the running app
     */
    public RealApp start(Class<?> mainClass, String agentOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar + "=bridge=bus" + (agentOptions.isEmpty() ? "" : "," + agentOptions),
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Path output = home.resolve(mainClass.getSimpleName() + "-" + apps.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("ENDSESSION_BUS_DIR", busDir.toString());
        builder.environment().put("ENDSESSION_SESSION", SESSION);
        RealApp app = new RealApp(builder.start(), output);
        apps.add(app);
        awaitSocket(app);
        return app;
    }

    /** @return the outcome of {@code endsession logoff} on this bus */
    public RoundReport logoff() throws BusException {
        return run(RoundSpec.logoff());
    }

    /**
     * @param spec how the round runs
     * @return what happened (without per-listener cleanup lists: those stay in the apps)
     * @throws BusException if the bus has no app or another round runs
     */
    public RoundReport run(RoundSpec spec) throws BusException {
        RoundResult result = new Initiator(busDir, SESSION).run(SESSION, spec.options(), Progress.NONE);
        return new RoundReport(result.ended(), spec.toString(), result.apps().stream()
                .map(a -> new AppReport(a.name(), a.answer().json(), a.reason(), SimulatedSession.millis(a.queryMillis()),
                        SimulatedSession.millis(a.endMillis()), a.ended(), a.terminated(), List.of(), List.of()))
                .toList());
    }

    private void awaitSocket(RealApp app) {
        Path socket = busDir.resolve(SESSION).resolve(app.pid() + ".sock");
        Instant end = Instant.now().plus(START);
        while (!Files.exists(socket)) {
            if (!app.alive() || Instant.now().isAfter(end)) {
                throw new AssertionError("pid " + app.pid() + " did not open " + socket + " within " + START + "; its output:\n" + app.output());
            }
            try {
                Thread.sleep(10); // waiting for another process to bind its socket: nothing to be notified by
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        apps.forEach(RealApp::kill);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public String toString() {
        return "RealSession[" + busDir + File.separator + SESSION + ", " + apps.size() + " apps]";
    }
}
