package dev.endsession.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real JVM started by a {@link RealSession}, with the agent attached to its session bus. */
public final class RealApp {

    private final Process process;
    private final Path output;

    RealApp(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /** @return {@code true} while the process runs */
    public boolean alive() {
        return process.isAlive();
    }

    /**
     * @param timeout how long to wait
     * @return the exit code
     * @throws AssertionError if the process is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("pid " + pid() + " still runs after " + timeout + "; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return everything the app printed so far, standard output and error together */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void kill() {
        process.destroyForcibly();
    }
}
