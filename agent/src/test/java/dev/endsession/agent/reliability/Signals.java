package dev.endsession.agent.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Real signals and lock probes for the fault tests. */
final class Signals {

    private Signals() {
    }

    /** Sends {@code signal} (e.g. {@code STOP}, {@code CONT}, {@code KILL}) to {@code pid} with kill(1). */
    static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until another process holds the file lock {@code lock} (the session's round lock). */
    static void awaitLockedElsewhere(Path lock, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock mine = channel.tryLock();
                if (mine == null) {
                    return;
                }
                mine.release();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("nobody took " + lock + " within " + timeout);
            }
            Thread.sleep(20); // polling a lock another process takes
        }
    }

    /** Kills {@code process} with SIGKILL and waits until it is gone. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("pid " + process.pid() + " survived SIGKILL");
        }
    }
}
