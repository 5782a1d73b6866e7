package dev.endsession.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the measured things are: the agent jar and the bench module's subject jars (built by
 * {@code bench/run}), a scratch directory, and a private session bus so that no benchmark ever
 * talks to the user's own session.
 */
final class Subjects {

    final Path root;
    final Path agentJar;
    final Path emptyAgentJar;
    final Path helloJar;
    final Path roundAppJar;
    final Path work;
    final Path busDir;

    Subjects(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.agentJar = existing(this.root.resolve("agent/target/endsession-agent.jar"));
        this.emptyAgentJar = existing(this.root.resolve("bench/target/empty-agent.jar"));
        this.helloJar = existing(this.root.resolve("bench/target/hello.jar"));
        this.roundAppJar = existing(this.root.resolve("bench/target/round-app.jar"));
        try {
            this.work = Files.createTempDirectory("endsession-bench");
            this.busDir = Files.createDirectories(work.resolve("bus"));
            Files.setPosixFilePermissions(busDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the environment every subject JVM gets: the private bus and its own session */
    Map<String, String> env(String session) {
        return Map.of("ENDSESSION_BUS_DIR", busDir.toString(), "ENDSESSION_SESSION", session);
    }

    /** @return {@code -javaagent:<agent jar>} with the options, if any */
    String agent(String options) {
        return "-javaagent:" + agentJar + (options.isEmpty() ? "" : "=" + options);
    }

    /** @return whether the agent jar has the rules feature (it landed on main) */
    boolean hasRules() {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(agentJar.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().startsWith("inst/dev/endsession/agent/rules/"));
        } catch (IOException e) {
            return false;
        }
    }

    /** @return whether the agent jar has the session bus and its CLI */
    boolean hasBus() {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(agentJar.toFile())) {
            return jar.getEntry("inst/dev/endsession/agent/bus/BusBridge.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run bench/run, which builds it");
        }
        return file;
    }
}
