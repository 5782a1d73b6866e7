package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * elogind 246, unpacked by {@code scripts/install-test-packages} (never installed), running with its
 * own system bus as PID 1's child of a new PID and mount namespace ({@code elogind-namespace.sh}), where
 * the power commands it executes are a harmless logger, checked before elogind starts. Test JVMs and
 * calls enter that namespace with {@code nsenter}, so elogind sees them as its own processes.
 */
final class Elogind implements AutoCloseable {

    static final String ROOT = System.getenv().getOrDefault("ENDSESSION_ELOGIND_ROOT", "/opt/endsession-tests/elogind");
    private static final Duration UP = Duration.ofSeconds(30);
    static final String SYSTEM_BUS = "unix:path=/run/dbus/system_bus_socket";

    private final Path dir;
    private final Daemon namespace;
    private final long init;

    private Elogind(Path dir, Daemon namespace, long init) {
        this.dir = dir;
        this.namespace = namespace;
        this.init = init;
    }

    /** Starts elogind with {@code InhibitDelayMaxSec=delayMaxSec}; skips where the namespace cannot be made. */
    static Elogind start(Path dir, int delayMaxSec) throws IOException {
        assumeTrue(isRoot(dir), "elogind's namespace needs root (unshare, mount)");
        if (!Files.isExecutable(Path.of(ROOT, "lib/elogind/elogind"))) {
            throw new AssertionError("No elogind in " + ROOT + ": run scripts/install-test-packages (as root)");
        }
        Path script = dir.resolve("elogind-namespace.sh");
        try (InputStream in = Elogind.class.getResourceAsStream("elogind-namespace.sh")) {
            Files.copy(in, script);
        }
        Daemon namespace = Daemon.start(dir, "elogind-ns", Map.of(), List.of("unshare", "--pid", "--fork", "--kill-child",
                "--mount-proc", "--mount", "bash", script.toString(), dir.toString(), ROOT, String.valueOf(delayMaxSec)));
        try {
            namespace.awaitLine("^power commands verified harmless$", UP);
            namespace.awaitLine("^ready$", UP);
            return new Elogind(dir, namespace, initOf(namespace.pid()));
        } catch (AssertionError | IOException e) {
            namespace.close();
            throw e;
        }
    }

    /** @return the pid (as seen here) of unshare's child, PID 1 of the namespace */
    private static long initOf(long unshare) throws IOException {
        String children = Files.readString(Path.of("/proc", String.valueOf(unshare), "task", String.valueOf(unshare), "children")).strip();
        return Long.parseLong(children.split(" ")[0]);
    }

    /** @return the command prefix that runs a command inside the namespace */
    List<String> enter() {
        return List.of("nsenter", "--target", String.valueOf(init), "--pid", "--mount", "--");
    }

    /** @return a test JVM builder that runs the JVM inside the namespace, on its system bus */
    TestJvm.Builder jvm(TestJvm.Builder builder) {
        return builder.wrappedIn(enter().toArray(String[]::new)).env("DBUS_SYSTEM_BUS_ADDRESS", SYSTEM_BUS)
                .env("DBUS_SESSION_BUS_ADDRESS", null).env("SESSION_MANAGER", null);
    }

    /** @return the output of a {@code gdbus call --system} to logind's manager, made inside the namespace */
    String manager(String method, String... args) {
        List<String> command = new ArrayList<>(enter());
        command.addAll(List.of("gdbus", "call", "--system", "-d", "org.freedesktop.login1", "-o", "/org/freedesktop/login1",
                "-m", "org.freedesktop.login1.Manager." + method));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    /** Waits until logind lists a lock whose holder is {@code who}. */
    void awaitLock(String who) {
        Instant end = Instant.now().plus(UP);
        while (!manager("ListInhibitors").contains("'" + who + "'")) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("no inhibitor lock of " + who + ": " + manager("ListInhibitors"));
            }
            Daemon.pause();
        }
    }

    /** @return the epoch ms at which elogind ran the (fake) poweroff, waiting for it */
    long awaitPowerOff(Duration timeout) throws IOException {
        Path log = dir.resolve("power-actions.log");
        Instant end = Instant.now().plus(timeout);
        while (true) {
            for (String line : Files.readAllLines(log)) {
                if (line.matches("\\d+ poweroff.*")) {
                    return Long.parseLong(line.split(" ")[0]);
                }
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("elogind ran no poweroff within " + timeout + "; its log:\n" + Files.readString(dir.resolve("elogind.log")));
            }
            Daemon.pause();
        }
    }

    /** @return whether this process may make elogind's namespace (unshare, mount need root) */
    static boolean isRoot(Path dir) {
        return "0".equals(run(dir, List.of("id", "-u")).strip());
    }

    private static String run(Path dir, List<String> command) {
        try (Daemon call = Daemon.start(dir, "call", Map.of(), command)) {
            call.awaitExit(UP);
            return call.output();
        }
    }

    /** Ends PID 1 of the namespace, and with it every process in it. */
    @Override
    public void close() {
        ProcessHandle.of(init).ifPresent(ProcessHandle::destroyForcibly);
        namespace.close();
    }
}
