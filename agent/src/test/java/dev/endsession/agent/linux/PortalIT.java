package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM with the real agent behind xdg-desktop-portal 1.16 + xdg-desktop-portal-gtk 1.14 and
 * real gnome-session 43. {@code FLATPAK_ID} is what tells the agent it is sandboxed; the portal itself
 * knows the app by its cgroup, named as a desktop-launched app's ({@code app-gnome-ID-N.scope}).
 */
@Timeout(120)
class PortalIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String APP = "org.example.Notes";

    @TempDir
    Path dir;

    private final List<Path> cgroups = new ArrayList<>();

    /** A JVM that moves itself into the app's cgroup before Java starts, so the portal sees its app id. */
    private TestJvm app(Desktop desktop, Path record, String... jvmOptions) throws IOException {
        // the whole user-manager path: the portal reads the unit with sd_pid_get_user_unit, which needs user@UID.service
        String uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString();
        String scope = "user.slice/user-" + uid + ".slice/user@" + uid + ".service/app.slice/app-gnome-" + APP + "-"
                + ProcessHandle.current().pid() + System.nanoTime() % 1000 + ".scope";
        StringBuilder join = new StringBuilder();
        for (String hierarchy : List.of("systemd", "unified")) {
            Path base = Path.of("/sys/fs/cgroup", hierarchy);
            if (Files.isDirectory(base)) {
                Path group = base.resolve(scope);
                List<Path> made = new ArrayList<>();
                for (Path d = group; !Files.exists(d); d = d.getParent()) {
                    made.add(d); // leaf first: removed in this order
                }
                Files.createDirectories(group);
                cgroups.addAll(made);
                join.append("echo $$ > ").append(group.resolve("cgroup.procs")).append("; ");
            }
        }
        TestJvm.Builder builder = TestJvm.main(WaitingApp.class).listener(SlowCleanupListener.class)
                .wrappedIn("sh", "-c", join + "exec \"$@\"", "sh").env("FLATPAK_ID", APP)
                .agentOptions("name=Notes,log=debug").jvmOptions("-D" + RecordingListener.RECORD + "=" + record).jvmOptions(jvmOptions);
        TestJvm app = desktop.jvm(builder).start(dir.resolve("app"));
        app.awaitLine("ready", WAIT);
        app.awaitErrorLine("Monitoring the session through the portal", WAIT);
        return app;
    }

    @AfterEach
    void removeCgroups() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Path group : cgroups) {
            while (Files.exists(group)) {
                try {
                    Files.deleteIfExists(group);
                } catch (IOException busy) {
                    killWhatIsLeftIn(group); // a test that failed early leaves its app behind
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError(group + " still holds processes 30 s after the test", busy);
                    }
                    Daemon.pause(); // its processes are still exiting
                }
            }
        }
    }

    /** SIGKILLs the processes in a cgroup this test made (only this test's app joins it). */
    private static void killWhatIsLeftIn(Path group) throws IOException {
        Path procs = group.resolve("cgroup.procs");
        if (Files.exists(procs)) {
            for (String pid : Files.readAllLines(procs)) {
                ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void stateThreeRunsTheCleanups() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Desktop desktop = Desktop.start(dir)) {
            desktop.startGnomeSession();
            desktop.startShell("confirm", Duration.ofMillis(300));
            try (TestJvm notes = app(desktop, record)) {
                desktop.logout();
                GnomeSessionIT.awaitRecorded(record, "cleaned");
                assertEquals(List.of("query [LOGOFF]", "end [LOGOFF]", "cleaned [LOGOFF]"), GnomeSessionIT.events(record),
                        notes.describe());
            }
        }
    }

    /**
     * Round 1: another app, a gnome-session client, vetoes and the user cancels; the portal app vetoes
     * too (its inhibitor, taken during query-end, is too late for that round: the portal's race) and
     * takes it again once the session runs. Round 2, the other app gone: that standing inhibitor alone
     * blocks the logout, listed with the portal app's id.
     */
    @Test
    void aVetoStandsAsAnInhibitorWithTheAppIdAndBlocksTheNextLogout() throws Exception {
        Path record = dir.resolve("record.txt");
        try (Desktop desktop = Desktop.start(dir)) {
            desktop.startGnomeSession();
            Daemon shell = desktop.startShell("cancel", Duration.ofMillis(300));
            try (TestJvm notes = app(desktop, record, "-D" + RecordingListener.VETO + "=Unsaved notes")) {
                try (TestJvm other = desktop.jvm(TestJvm.main(WaitingApp.class).listener(RecordingListener.class)
                        .agentOptions("name=Other,app-id=org.example.Other").jvmOptions("-D" + RecordingListener.VETO + "=Busy"))
                        .start(dir.resolve("other"))) {
                    other.awaitLine("ready", WAIT);
                    GnomeSessionIT.awaitRegistered(desktop, 2); // the other app and the portal's backend
                    desktop.logout();
                    shell.awaitLine("user cancels", WAIT);
                    GnomeSessionIT.awaitRecorded(record, "cancelled");
                }
                GnomeSessionIT.awaitRegistered(desktop, 1);
                int before = shell.lines().size();
                desktop.logout();
                shell.awaitLines("user cancels", 2, WAIT);
                List<String> round2 = shell.lines().subList(before, shell.lines().size());
                assertEquals(List.of("row app=" + APP + " reason=Unsaved notes"),
                        round2.stream().filter(l -> l.contains(" row ")).map(l -> l.split(" ", 2)[1]).toList(), shell.output());
                assertTrue(desktop.sessionRunning(), "the standing inhibitor kept the session");
            }
        }
    }
}
