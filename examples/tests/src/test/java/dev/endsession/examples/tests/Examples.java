package dev.endsession.examples.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the example jars are, how to start an example app on a bus, and the CLI as a real process. */
final class Examples {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String BUS_DIR = "ENDSESSION_BUS_DIR";
    static final String SESSION = "ENDSESSION_SESSION";

    private Examples() {
    }

    /** @return the repository's root */
    static Path repo() {
        return Path.of(System.getProperty("endsession.repo", "../..")).toAbsolutePath().normalize();
    }

    /** @param module an example module, e.g. {@code journal} @return its jar */
    static Path jar(String module) {
        Path jar = repo().resolve("examples").resolve(module).resolve("target").resolve(module + ".jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": run mvn package first");
        return jar;
    }

    /** An example app with the agent on the private bus in {@code bus}, its class path made of example jars. */
    static TestJvm.Builder app(String mainClass, String agentOptions, Path bus, String... modules) {
        return TestJvm.main(mainClass).classPathOnly(Arrays.stream(modules).map(Examples::jar).toArray(Path[]::new))
                .agentOptions(agentOptions + ",bridge=bus").env(BUS_DIR, bus.toString()).env(SESSION, "default");
    }

    /**
     * Waits until the app's agent listens on the bus (its endpoint opens just after start-up).
     *
     * @param readyLine the app's ready line, {@code <app> ready <pid>...}: the JVM's own pid, which
     *     differs from the started process's when it runs on a pseudo-terminal
     */
    static void awaitOnBus(Path bus, String readyLine) {
        String pid = readyLine.replaceFirst("^.*ready (\\d+).*$", "$1");
        Path socket = bus.resolve("default").resolve(pid + ".sock");
        long end = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(socket)) {
            assertTrue(System.nanoTime() < end, "no socket " + socket);
            try {
                Thread.sleep(20); // a bounded poll of a file another process creates
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The CLI's exit code and everything it printed. */
    record Run(int code, String out) {
    }

    /** Runs {@code java -jar endsession-agent.jar args} against the bus in {@code bus}, as a real process. */
    static Run cli(Path bus, Path workDir, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of(java(), "-jar", TestJvm.agentJar().toString()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(workDir, "cli", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put(BUS_DIR, bus.toString());
            builder.environment().put(SESSION, "default");
            return run(builder, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code builder} (output redirected to {@code out}) to its end, at most {@link #WAIT}. */
    static Run run(ProcessBuilder builder, Path out) throws IOException {
        Process process = builder.start();
        try {
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after " + WAIT + ": " + builder.command() + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
