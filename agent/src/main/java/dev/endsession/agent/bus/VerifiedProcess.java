package dev.endsession.agent.bus;

import java.time.Duration;

/**
 * A process the initiator proved, in this round, to be the one listening behind its socket (see
 * {@link PeerCheck}): the only kind it ever signals. Pinned by its start time, so a process that
 * later reuses the pid is never taken for it.
 *
 * @param handle the process
 * @param startTicks its start time when it was proved ({@link ProcStat#startTicks()})
 */
record VerifiedProcess(ProcessHandle handle, long startTicks) {

    /** @return {@code true} once the proved process has exited (a zombie counts: it runs nothing any more) */
    boolean gone() {
        ProcStat now = ProcStat.of(handle.pid());
        return !handle.isAlive() || now == null || now.startTicks() != startTicks || now.exited();
    }

    /** @return {@code true} once gone, {@code false} if still there after {@code grace} */
    boolean awaitGone(Duration grace) {
        return Processes.awaitGone(this::gone, grace);
    }

    /** SIGKILL, only if the pid still belongs to the proved process. */
    void kill() {
        if (!gone()) {
            handle.destroyForcibly(); // the JDK compares the start time again right before the signal
        }
    }
}
