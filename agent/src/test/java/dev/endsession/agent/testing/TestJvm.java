package dev.endsession.agent.testing;

import dev.endsession.api.EndSessionListener;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real JVM started with {@code -javaagent:agent/target/endsession-agent.jar}, running a main class
 * from the test classes. Its output goes to files so a test can wait for a line (no sleeps) and
 * read everything afterwards. Close it to kill it.
 *
 * <pre>{@code
 * try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("name=a").listener(Veto.class).start(dir)) {
 *     app.awaitLine("ready", Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class TestJvm implements AutoCloseable {

    /** The agent jar the build produced; failsafe passes its path, else the default location. */
    public static Path agentJar() {
        String configured = System.getProperty("endsession.agent.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "endsession-agent.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No agent jar at " + jar.toAbsolutePath() + ": run `mvn package` first");
        }
        return jar.toAbsolutePath();
    }

    /**
     * The test classes directory only: an app's class path has its own classes, never the agent's
     * dependencies (the agent jar brings the API with it).
     */
    static Path testClasses() {
        try {
            return Path.of(TestJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the command line of a test JVM. */
    public static final class Builder {
        private final String mainClass;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> classPath = new ArrayList<>();
        private final List<String> listeners = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private String agentOptions;
        private boolean withAgent = true;
        private boolean inPseudoTerminal;
        private final List<String> wrapper = new ArrayList<>();

        private Builder(String mainClass) {
            this.mainClass = mainClass;
            classPath.add(testClasses().toString());
        }

        /** @param options the agent's {@code k=v,k=v} string */
        public Builder agentOptions(String options) {
            this.agentOptions = options;
            return this;
        }

        /** Starts the JVM without the agent (a baseline). */
        public Builder withoutAgent() {
            this.withAgent = false;
            return this;
        }

        /** @param values arguments to the main class */
        public Builder args(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        /** @param values options for the JVM itself, e.g. {@code -Dx=y} */
        public Builder jvmOptions(String... values) {
            jvmOptions.addAll(List.of(values));
            return this;
        }

        /** @param entry put on the class path before the test classes */
        public Builder classPathFirst(Path entry) {
            classPath.add(0, entry.toAbsolutePath().toString());
            return this;
        }

        /** @param entries the whole class path, replacing the test class path */
        public Builder classPathOnly(Path... entries) {
            classPath.clear();
            for (Path entry : entries) {
                classPath.add(entry.toAbsolutePath().toString());
            }
            return this;
        }

        /** Registers a listener as a plugin on the app's class path, through a generated service file. */
        public Builder listener(Class<? extends EndSessionListener> type) {
            listeners.add(type.getName());
            return this;
        }

        /** Names a plugin class in the generated service file, even one that does not exist. */
        public Builder listenerNamed(String className) {
            listeners.add(className);
            return this;
        }

        /**
         * Runs the JVM on a pseudo-terminal (util-linux {@code script}), as if started by a person
         * at a terminal: {@code System.console()} is there, and {@link TestJvm#type} is typed on it.
         * Standard output and error then arrive together, on standard output.
         */
        public Builder inPseudoTerminal() {
            this.inPseudoTerminal = true;
            return this;
        }

        /**
         * Runs the JVM through a command that then runs it, e.g. {@code nsenter --target PID --pid --mount --}
         * (the JVM's own pid then differs from {@link TestJvm#pid()}, the wrapper's).
         */
        public Builder wrappedIn(String... command) {
            wrapper.addAll(List.of(command));
            return this;
        }

        /** @param name an environment variable @param value its value; {@code null} removes it from the inherited ones */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * @param workDir a directory for the JVM's output and generated files
         * @return the running JVM
         */
        public TestJvm start(Path workDir) {
            try {
                Files.createDirectories(workDir);
                List<String> cp = new ArrayList<>(classPath);
                if (!listeners.isEmpty()) {
                    Path services = Files.createTempDirectory(workDir, "services");
                    Path file = services.resolve("META-INF/services/" + EndSessionListener.class.getName());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, String.join("\n", listeners) + "\n");
                    cp.add(0, services.toString());
                }
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.add("-Xshare:auto");
                command.addAll(jvmOptions);
                if (withAgent) {
                    command.add("-javaagent:" + agentJar() + (agentOptions == null ? "" : "=" + agentOptions));
                }
                command.add("-cp");
                command.add(String.join(File.pathSeparator, cp));
                command.add(mainClass);
                command.addAll(args);
                if (!wrapper.isEmpty()) {
                    List<String> wrapped = new ArrayList<>(wrapper);
                    wrapped.addAll(command);
                    command = wrapped;
                }
                if (inPseudoTerminal) {
                    command = List.of("script", "-qfec", shellQuoted(command), "/dev/null");
                }
                String tag = mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + System.nanoTime();
                Path out = workDir.resolve(tag + ".out");
                Path err = workDir.resolve(tag + ".err");
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                for (Map.Entry<String, String> variable : env.entrySet()) {
                    if (variable.getValue() == null) {
                        builder.environment().remove(variable.getKey());
                    } else {
                        builder.environment().put(variable.getKey(), variable.getValue());
                    }
                }
                return new TestJvm(builder.start(), out, err);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @param mainClass the class whose {@code main} the JVM runs @return a builder */
    public static Builder main(Class<?> mainClass) {
        return new Builder(mainClass.getName());
    }

    /** @param mainClass the name of the class whose {@code main} the JVM runs (e.g. from an example jar) */
    public static Builder main(String mainClass) {
        return new Builder(mainClass);
    }

    private static String shellQuoted(List<String> command) {
        return String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
    }

    private final Process process;
    private final Path out;
    private final Path err;

    private TestJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /** @return the process */
    public Process process() {
        return process;
    }

    /**
     * Waits until standard output has a line matching {@code regex}, polling the file (the JVM
     * writes it; there is nothing to be notified by).
     *
     * @return the first matching line
     * @throws AssertionError with both outputs if it does not appear in time or the JVM dies first
     */
    public String awaitLine(String regex, Duration timeout) {
        return awaitLineIn(out, regex, timeout);
    }

    /** Like {@link #awaitLine}, on standard error, where the agent logs. */
    public String awaitErrorLine(String regex, Duration timeout) {
        return awaitLineIn(err, regex, timeout);
    }

    private String awaitLineIn(Path output, String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        Instant end = Instant.now().plus(timeout);
        while (true) {
            for (String line : read(output).lines().toList()) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("JVM exited (" + process.exitValue() + ") before printing /" + regex + "/\n" + describe());
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("No line /" + regex + "/ within " + timeout + "\n" + describe());
            }
            onSpinWait(20);
        }
    }

    /** @return the exit code, waiting at most {@code timeout} @throws AssertionError if still alive */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("JVM still alive after " + timeout + "\n" + describe());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Writes {@code text} to the JVM's standard input (typed on its terminal with {@code inPseudoTerminal}). */
    public void type(String text) {
        try {
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM (on Unix), as a logoff or {@code kill} would. */
    public void terminate() {
        process.destroy();
    }

    /** @return standard output so far */
    public String stdout() {
        return read(out);
    }

    /** @return standard error so far */
    public String stderr() {
        return read(err);
    }

    /** @return standard output's lines so far */
    public List<String> stdoutLines() {
        return stdout().lines().toList();
    }

    /** @return both outputs, for failure messages */
    public String describe() {
        return "--- stdout of pid " + process.pid() + ":\n" + stdout() + "--- stderr:\n" + stderr();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void onSpinWait(long millis) {
        try {
            Thread.sleep(millis); // polling a file another process writes: a pause between reads, not a synchronization
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
