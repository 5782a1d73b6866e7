package dev.endsession.agent.linux.xsmp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** libICE puts a session manager's socket in {@code /tmp/.ICE-unix/PID} (a fixed directory); one that was killed leaves it. */
final class IceSockets {

    private IceSockets() {
    }

    /** Removes the socket of the manager {@code pid}, once that process is gone. */
    static void removeOf(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of("/tmp/.ICE-unix", Long.toString(pid)));
        } catch (IOException e) {
            // not ours to remove, or gone already
        }
    }
}
