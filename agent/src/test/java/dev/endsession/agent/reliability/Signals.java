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

/** Kills and lock probes for the fault tests (stopping a process: {@link dev.endsession.agent.testing.JobControl}). */
final class Signals {

    private Signals() {
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
