package dev.endsession.agent.bus;

import java.time.Duration;

/**
 * Waiting for a process that is not our child to be gone. {@code ProcessHandle.onExit()} can only
 * poll such a process, with intervals that grow to seconds; termination wants to know within
 * milliseconds, so this polls briefly and only while a termination is under way (never when idle).
 */
final class Processes {

    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private Processes() {
    }

    /** @return {@code true} once {@code process} is gone, {@code false} if still alive after {@code grace} */
    static boolean awaitGone(ProcessHandle process, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (process.isAlive()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(pause); // a bounded wait for another process's exit: there is nothing to be notified by
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
        return true;
    }
}
