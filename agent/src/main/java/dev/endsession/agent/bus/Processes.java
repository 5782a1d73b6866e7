package dev.endsession.agent.bus;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a process that is not our child to be gone. {@code ProcessHandle.onExit()} can only
 * poll such a process, with intervals that grow to seconds; termination wants to know within
 * milliseconds, so this polls briefly and only while a termination is under way (never when idle).
 * A zombie (exited, not reaped by its parent) counts as gone: {@code ProcessHandle.isAlive()} says
 * alive until it is reaped, which may be never.
 */
final class Processes {

    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private Processes() {
    }

    /** @return {@code true} once {@code process} is gone, {@code false} if still alive after {@code grace} */
    static boolean awaitGone(ProcessHandle process, Duration grace) {
        return awaitGone(() -> gone(process), grace);
    }

    /** @return {@code true} if {@code process} has exited: gone, or a zombie */
    static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        ProcStat stat = ProcStat.of(process.pid());
        return stat != null && stat.exited();
    }

    /** @return {@code true} once {@code gone} says so, {@code false} if not after {@code grace} */
    static boolean awaitGone(BooleanSupplier gone, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (!gone.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(pause); // a bounded wait for another process's exit: there is nothing to be notified by
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return gone.getAsBoolean();
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
        return true;
    }
}
