package dev.endsession.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Freezes and thaws a real process, as a hung app is frozen: {@code SIGSTOP} and {@code SIGCONT}
 * through kill(1).
 *
 * <p>A process is not stopped when kill(1) returns. The kernel wakes one of its threads to take the
 * signal, and only that thread, once it runs, stops the others (signal(7), "group stop"); until then
 * any other thread may run on. On a loaded machine that took long enough for a "frozen" app to
 * answer an initiator's hello (seen in CI-like runs of {@code HungIT}). So {@link #stop} waits
 * until {@code /proc} shows every thread stopped.
 */
public final class JobControl {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private JobControl() {
    }

    /** Stops {@code pid} and returns once no thread of it runs any more (state {@code T}). */
    public static void stop(long pid) {
        send("STOP", pid);
        Instant end = Instant.now().plus(WAIT);
        List<String> states;
        while (!(states = threadStates(pid)).stream().allMatch(JobControl::cannotRun)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("pid " + pid + " did not stop within " + WAIT + ": its threads are " + states);
            }
            try {
                Thread.sleep(5); // a pause between looks at the kernel's view of another process: nothing to be notified by
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Stopped, or a thread that is ending (zombie, dead): none of them runs the app's code. */
    private static boolean cannotRun(String state) {
        return state.equals("T") || state.equals("Z") || state.equals("X");
    }

    /** Lets a stopped {@code pid} run again. */
    public static void resume(long pid) {
        send("CONT", pid);
    }

    private static void send(String signal, long pid) {
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

    /** The state letter of each thread of {@code pid}, from {@code /proc/<pid>/task/<tid>/stat}. */
    private static List<String> threadStates(long pid) {
        List<String> states = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (name) S ...": the name may hold spaces and parentheses, so the state follows the last ')'
                    states.add(stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
                } catch (NoSuchFileException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("pid " + pid + " is gone", e);
        }
        return states;
    }
}
