package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private Linux desktop for one test, of real components: a permissive private system bus (it never
 * reaches the machine's own, nor its logind), a private session bus, and on demand gnome-session 43
 * ({@code --builtin}, a session file without required components, so no gnome-shell) and a stand-in
 * for gnome-shell's end-session dialog. Everything it started is ended at {@link #close()}.
 */
final class Desktop implements AutoCloseable {

    static final String GNOME_SESSION = "/usr/libexec/gnome-session-binary";
    private static final Duration UP = Duration.ofSeconds(30);

    private final Path dir;
    private final List<Daemon> started = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Daemon gnomeSession;
    private Elogind elogind;

    private Desktop(Path dir) {
        this.dir = dir;
    }

    /** Starts the two buses; {@code DISPLAY} must name an X server (the build's Xvfb). */
    static Desktop start(Path dir) throws IOException {
        return start(dir, null);
    }

    /**
     * As {@link #start(Path)}; with {@code elogind}, its namespace's system bus instead of a private
     * one, and gnome-session started inside that namespace (so that it powers off through elogind).
     */
    static Desktop start(Path dir, Elogind elogind) throws IOException {
        String display = System.getenv("DISPLAY");
        assertNotNull(display, "No DISPLAY: start Xvfb (as .ci/run does) and export DISPLAY");
        Desktop desktop = new Desktop(dir);
        desktop.elogind = elogind;
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("home"));
        desktop.env.put("DISPLAY", display);
        desktop.env.put("HOME", dir.resolve("home").toString());
        desktop.env.put("XDG_RUNTIME_DIR", run.toString());
        desktop.env.put("XDG_CURRENT_DESKTOP", "GNOME");
        desktop.env.put("NO_AT_BRIDGE", "1"); // GTK programs (the portal's backend) would start at-spi, which registers with gnome-session and never answers
        desktop.env.put("SESSION_MANAGER", null); // an XSMP manager of the machine's own session is not this one
        desktop.env.put("DBUS_SYSTEM_BUS_ADDRESS", elogind != null ? Elogind.SYSTEM_BUS : desktop.bus("system", systemConfig(dir)));
        desktop.env.put("DBUS_SESSION_BUS_ADDRESS", desktop.bus("session", List.of("--session", "--address=unix:dir=" + run)));
        return desktop;
    }

    private static List<String> systemConfig(Path dir) throws IOException {
        Path socket = dir.resolve("system_bus_socket");
        Path config = dir.resolve("system.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>system</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow user="*"/><allow own="*"/><allow send_type="method_call"/>
                    <allow send_destination="*"/><allow receive_sender="*"/><allow eavesdrop="true"/>
                  </policy>
                </busconfig>
                """.formatted(socket));
        return List.of("--config-file=" + config);
    }

    /** @return the address of a new dbus-daemon, once it listens */
    private String bus(String name, List<String> options) {
        List<String> command = new ArrayList<>(List.of("dbus-daemon", "--nofork", "--print-address=1"));
        command.addAll(options);
        Daemon bus = track(Daemon.start(dir, name + "-bus", env, command));
        return bus.awaitLine("^unix:", UP).strip();
    }

    private Daemon track(Daemon daemon) {
        started.add(daemon);
        return daemon;
    }

    /**
     * Kills the session bus's daemon, as a crashed session would; gnome-session first (SIGKILL):
     * left without its bus, it would start its failure dialog, which outlives the test.
     */
    void killSessionBus() {
        if (gnomeSession != null) {
            gnomeSession.close();
        }
        started.stream().filter(d -> d.name().equals("session-bus")).forEach(Daemon::close);
    }

    /** @return the environment every program of this desktop gets (null: removed) */
    Map<String, String> env() {
        return env;
    }

    /** @return a test JVM builder with this desktop's environment */
    TestJvm.Builder jvm(TestJvm.Builder builder) {
        env.forEach(builder::env);
        return elogind == null ? builder : builder.wrappedIn(elogind.enter().toArray(String[]::new));
    }

    /** Starts gnome-session and waits until it reports the session running. */
    Daemon startGnomeSession() throws IOException {
        Path sessions = Files.createDirectories(dir.resolve("xdg/gnome-session/sessions"));
        try (InputStream in = Desktop.class.getResourceAsStream("endsession-test.session")) {
            Files.copy(in, sessions.resolve("endsession-test.session"));
        }
        Map<String, String> gsmEnv = new LinkedHashMap<>(env);
        gsmEnv.put("XDG_CONFIG_DIRS", dir.resolve("xdg").toString());
        List<String> command = new ArrayList<>(elogind == null ? List.of() : elogind.enter());
        command.addAll(List.of(GNOME_SESSION, "--builtin", "--session=endsession-test", "--disable-acceleration-check", "--debug"));
        gnomeSession = track(Daemon.start(dir, "gnome-session", gsmEnv, command));
        Instant end = Instant.now().plus(UP);
        while (!sessionRunning()) {
            if (!gnomeSession.alive() || Instant.now().isAfter(end)) {
                throw new AssertionError("gnome-session did not start\n" + gnomeSession.output());
            }
            Daemon.pause();
        }
        return gnomeSession;
    }

    /** @return whether gnome-session answers {@code IsSessionRunning} with true */
    boolean sessionRunning() {
        return gdbus("--session", "org.gnome.SessionManager", "/org/gnome/SessionManager",
                "org.gnome.SessionManager.IsSessionRunning").contains("(true,)");
    }

    /** Starts the stand-in for gnome-shell's dialog, which then plays {@code action} after {@code delay}. */
    Daemon startShell(String action, Duration delay) throws IOException {
        Path script = dir.resolve("fake_shell.py");
        if (!Files.exists(script)) {
            try (InputStream in = Desktop.class.getResourceAsStream("fake_shell.py")) {
                Files.copy(in, script);
            }
        }
        Daemon shell = track(Daemon.start(dir, "shell", env, List.of("/usr/bin/python3", "-u", script.toString(), action,
                String.valueOf(delay.toMillis() / 1000.0))));
        shell.awaitLine(" ready$", UP);
        return shell;
    }

    /** {@code gnome-session-quit --power-off --no-prompt}: what the user's "Power Off" does. */
    Daemon powerOff() {
        return track(Daemon.start(dir, "quit", env, List.of("gnome-session-quit", "--power-off", "--no-prompt")));
    }

    /** {@code gnome-session-quit --logout --no-prompt}: what the user's "Log Out" does. */
    Daemon logout() {
        return track(Daemon.start(dir, "quit", env, List.of("gnome-session-quit", "--logout", "--no-prompt")));
    }

    /** Starts {@code dbus-monitor} on the session bus for the messages that match {@code rule}. */
    Daemon monitor(String rule) {
        Daemon monitor = track(Daemon.start(dir, "monitor", env, List.of("dbus-monitor", "--session", rule)));
        monitor.awaitLine("member=NameLost|NameAcquired", UP); // it is listening
        return monitor;
    }

    /**
     * @return when (epoch ms) {@code dbus-monitor} saw the first call of {@code member} whose first
     *     argument line is {@code firstArgument}, waiting for it
     */
    static long awaitCall(Daemon monitor, String member, String firstArgument, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            List<String> lines = monitor.lines();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("method call ") && line.contains("member=" + member) && lines.get(i + 1).strip().equals(firstArgument)) {
                    String time = line.substring(line.indexOf("time=") + 5).split(" ")[0];
                    return Math.round(Double.parseDouble(time) * 1000);
                }
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("no " + member + "(" + firstArgument + ") within " + timeout + "\n" + monitor.output());
            }
            Daemon.pause();
        }
    }

    /** @return gdbus's output of one method call (its error text if it failed) */
    String gdbus(String bus, String destination, String path, String method, String... args) {
        List<String> command = new ArrayList<>(List.of("gdbus", "call", bus, "-d", destination, "-o", path, "-m", method));
        command.addAll(List.of(args));
        try (Daemon call = Daemon.start(dir, "gdbus", env, command)) {
            call.awaitExit(UP);
            return call.output();
        }
    }

    /** @return every line the recording listeners wrote to {@code file} */
    static List<String> recorded(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        if (gnomeSession != null) {
            try {
                Files.deleteIfExists(Path.of("/tmp/.ICE-unix", String.valueOf(gnomeSession.pid()))); // libICE's fixed directory
            } catch (IOException e) {
                // left behind: harmless, the next gnome-session has another pid
            }
        }
    }
}
