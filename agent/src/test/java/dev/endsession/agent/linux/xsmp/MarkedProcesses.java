package dev.endsession.agent.linux.xsmp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The processes a test started, and every process they started in turn (session managers start
 * agents and daemons that leave their parent): each inherits one environment variable with a value
 * of this test's own, so {@link #end} finds exactly those in {@code /proc} and ends them by pid.
 */
final class MarkedProcesses {

    static final String VARIABLE = "ENDSESSION_TEST_RUN";

    private final String value = "xsmp-" + UUID.randomUUID();

    /** @return the variable's value, to put in the environment of every process the test starts */
    String value() {
        return value;
    }

    /** SIGTERM to every process carrying the mark, then SIGKILL to those still there after a while. */
    void end() {
        List<ProcessHandle> marked = find();
        marked.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : marked) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    private List<ProcessHandle> find() {
        List<ProcessHandle> found = new ArrayList<>();
        byte[] mark = ("\0" + VARIABLE + "=" + value + "\0").getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == self) {
                    continue;
                }
                if (carries(entry.resolve("environ"), mark)) {
                    ProcessHandle.of(Long.parseLong(name)).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    private static boolean carries(Path environ, byte[] mark) {
        try {
            byte[] text = Files.readAllBytes(environ);
            byte[] padded = new byte[text.length + 1]; // a leading NUL so the first variable matches too
            System.arraycopy(text, 0, padded, 1, text.length);
            return indexOf(padded, mark) >= 0;
        } catch (IOException e) {
            return false; // gone, or not ours to read
        }
    }

    private static int indexOf(byte[] text, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= text.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (text[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
