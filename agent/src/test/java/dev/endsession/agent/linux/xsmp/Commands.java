package dev.endsession.agent.linux.xsmp;

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
import java.util.function.Supplier;

/** Runs the real tools the XSMP integration tests drive (xdotool, gdbus), and waits for conditions. */
final class Commands {

    private Commands() {
    }

    /**
     * Runs {@code command} with {@code env} added, waits for it, and returns its standard output.
     *
     * @throws AssertionError if it fails or does not end within {@code timeout}
     */
    static String run(Map<String, String> env, Duration timeout, String... command) {
        try {
            Path out = Files.createTempFile("endsession-cmd", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(List.of(command) + " did not end within " + timeout);
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new AssertionError(List.of(command) + " failed (" + process.exitValue() + "): " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Polls {@code condition} until it gives a value other than {@code null}: the components tested
     * here (X server, session managers) offer nothing to be notified by.
     */
    static <T> T await(String what, Duration timeout, Supplier<T> condition) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(50); // a pause between polls, not a synchronization
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Ends {@code process}: SIGTERM, then SIGKILL if it is still there after a while. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the file's text, or {@code ""} while it does not exist */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
