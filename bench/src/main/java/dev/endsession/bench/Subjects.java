package dev.endsession.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * The empty agent padded with every entry of our agent jar (never loaded): a jar as big, with as
     * large a central directory, as ours. Against the empty agent it shows what the jar's size alone costs.
     *
     * @return the padded jar, made on first use in the scratch directory
     */
    Path paddedEmptyAgent() {
        Path padded = work.resolve("empty-agent-padded.jar");
        if (Files.exists(padded)) {
            return padded;
        }
        try (java.util.jar.JarFile empty = new java.util.jar.JarFile(emptyAgentJar.toFile());
                java.util.jar.JarFile ours = new java.util.jar.JarFile(agentJar.toFile());
                java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(padded), empty.getManifest())) {
            java.util.Set<String> written = new java.util.HashSet<>();
            for (java.util.jar.JarFile jar : List.of(empty, ours)) {
                for (java.util.jar.JarEntry entry : java.util.Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.equals("META-INF/MANIFEST.MF") || !written.add(name)) {
                        continue;
                    }
                    out.putNextEntry(new java.util.jar.JarEntry(name));
                    try (java.io.InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return padded;
    }

    /** Deletes the scratch directory and everything the subjects left in it. */
    void cleanUp() {
        try (java.util.stream.Stream<Path> files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not remove " + work + ": " + e);
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
