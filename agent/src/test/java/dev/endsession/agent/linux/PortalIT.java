package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        String scope = "user.slice/app.slice/app-gnome-" + APP + "-" + ProcessHandle.current().pid() + System.nanoTime() % 1000 + ".scope";
        StringBuilder join = new StringBuilder();
        for (String hierarchy : List.of("systemd", "unified")) {
            Path base = Path.of("/sys/fs/cgroup", hierarchy);
            if (Files.isDirectory(base)) {
                Path group = base.resolve(scope);
                Files.createDirectories(group);
                cgroups.add(group);
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
        for (Path group : cgroups) {
            while (Files.exists(group) && group.getFileName().toString().endsWith(".scope")) {
                try {
                    Files.deleteIfExists(group);
                } catch (IOException busy) {
                    Daemon.pause(); // its processes are still exiting
                }
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
}
