package dev.endsession.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the subject JVMs: the same {@code java} as the harness, output to files, a private session bus. */
final class Jvm {

    private Jvm() {
    }

    /** @return the {@code java} launcher of the JVM running the harness */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** @return a command: {@code java <jvmOptions> -cp <classPath> <mainClass>} */
    static List<String> command(List<String> jvmOptions, Path classPath, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath.toString());
        command.add(mainClass);
        return command;
    }

    /** Starts a process whose stdout and stderr go to {@code <work>/<tag>.out/.err}, with {@code env} added. */
    static Process start(List<String> command, Map<String, String> env, Path work, String tag) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(work.resolve(tag + ".out").toFile())
                    .redirectError(work.resolve(tag + ".err").toFile());
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a line starting with {@code prefix} in {@code <work>/<tag>.out} (polling a file another process writes). */
    static void awaitLine(Process process, Path work, String tag, String prefix, Duration timeout) {
        Path out = work.resolve(tag + ".out");
        Instant end = Instant.now().plus(timeout);
        try {
            while (true) {
                if (Files.exists(out) && Files.readAllLines(out).stream().anyMatch(l -> l.startsWith(prefix))) {
                    return;
                }
                if (!process.isAlive() || Instant.now().isAfter(end)) {
                    throw new IllegalStateException("no '" + prefix + "' from " + tag + ": " + Files.readString(work.resolve(tag + ".err")));
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code file} exists (another process makes it: an app's socket on the bus). */
    static void awaitFile(Path file, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (!Files.exists(file)) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("no " + file + " within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Kills a subject and waits for it to be gone. */
    static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the exit code, after at most {@code timeout} @throws IllegalStateException if it is still running */
    static int await(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new IllegalStateException("still running after " + timeout + ": " + process.info().commandLine().orElse("?"));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
