package dev.endsession.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks that a pid is a running HotSpot JVM of this user before {@code attach} touches it: the
 * JDK's attach mechanism sends SIGQUIT to the target, which kills any process that does not expect
 * it (a shell, a {@code sleep}). A HotSpot JVM keeps a performance-data file,
 * {@code <tmp>/hsperfdata_<user>/<pid>}, mapped into its memory; a file of that name left by a JVM
 * that died is no proof, so on Linux the process must also have it mapped ({@code /proc/<pid>/maps}).
 */
final class AttachTarget {

    private AttachTarget() {
    }

    /** @param pid the target @return why it must not be attached to, as one sentence, or empty if it may */
    static Optional<String> problem(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return Optional.of("pid " + pid + " is not running");
        }
        String me = System.getProperty("user.name", "");
        Optional<String> user = process.get().info().user();
        String command = process.get().info().command().orElse("?");
        if (user.isEmpty() || !user.get().equals(me)) {
            return Optional.of("pid " + pid + " (" + command + ") belongs to " + user.orElse("another user")
                    + ", not to you (" + me + "); attach only reaches your own JVMs");
        }
        Path perfData = perfDataDir(me).resolve(Long.toString(pid));
        if (!Files.isRegularFile(perfData, LinkOption.NOFOLLOW_LINKS) || !mapped(pid, perfData)) {
            return Optional.of("pid " + pid + " (" + command + ") is not a HotSpot JVM of yours (it has no " + perfData
                    + "; a JVM started with -XX:-UsePerfData cannot be told from other processes and is refused too)");
        }
        return Optional.empty();
    }

    /** Where HotSpot keeps its performance data: {@code /tmp} on Linux whatever {@code java.io.tmpdir} says. */
    private static Path perfDataDir(String user) {
        String tmp = isLinux() ? "/tmp" : System.getProperty("java.io.tmpdir");
        return Path.of(tmp, "hsperfdata_" + user);
    }

    /** @return whether the process maps the file (Linux); true where that cannot be read */
    private static boolean mapped(long pid, Path perfData) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        if (!isLinux() || !Files.isReadable(maps)) {
            return !isLinux();
        }
        try (var lines = Files.lines(maps)) {
            String wanted = " " + perfData;
            return lines.anyMatch(line -> line.endsWith(wanted));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }
}
