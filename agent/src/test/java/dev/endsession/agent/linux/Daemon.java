package dev.endsession.agent.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A real program a test started (a bus, gnome-session, the dialog's stand-in), its output in a file. */
final class Daemon implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path out;

    private Daemon(String name, Process process, Path out) {
        this.name = name;
        this.process = process;
        this.out = out;
    }

    /** Starts {@code command} with {@code env} added to (or, for null values, removed from) the inherited environment. */
    static Daemon start(Path dir, String name, Map<String, String> env, List<String> command) {
        try {
            Path out = dir.resolve(name + "-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            env.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            return new Daemon(name, builder.start(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** @return the first output line matching {@code regex}, waiting for it (polling the file it writes) */
    String awaitLine(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        Instant end = Instant.now().plus(timeout);
        while (true) {
            for (String line : lines()) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before printing /" + regex + "/\n" + output());
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(name + " printed no /" + regex + "/ within " + timeout + "\n" + output());
            }
            pause();
        }
    }

    /** Waits until the output has {@code count} lines matching {@code regex}. */
    void awaitLines(String regex, int count, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        Instant end = Instant.now().plus(timeout);
        while (lines().stream().filter(l -> pattern.matcher(l).find()).count() < count) {
            if (!process.isAlive() || Instant.now().isAfter(end)) {
                throw new AssertionError(name + " printed fewer than " + count + " lines /" + regex + "/\n" + output());
            }
            pause();
        }
    }

    /** @return the exit code, waiting at most {@code timeout} */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout + "\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<String> lines() {
        return output().lines().toList();
    }

    String output() {
        try {
            return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL (gnome-session: a gentler end starts its failure dialog, which would outlive the test). */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void pause() {
        try {
            Thread.sleep(20); // polling what another process writes: a pause between reads, not a synchronization
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
