package dev.endsession.agent.linux.xsmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real xfce4-session with a private HOME, XDG_RUNTIME_DIR and session bus (no system bus: an
 * address that leads nowhere, so nothing reaches the machine's), as {@code linux-lab/xfce} runs it.
 * It starts the parts of Xfce that are installed (xfwm4, xfsettingsd, xfdesktop, ssh-agent, ...);
 * {@link MarkedProcesses} ends them all. Asked to log out, and for its clients, over D-Bus.
 */
final class XfceSession implements AutoCloseable {

    /** Up to IDLE took 8–16 s here with a fresh HOME (xfsettingsd waits for a window manager). */
    private static final Duration UP = Duration.ofSeconds(90);
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final Pattern CLIENT = Pattern.compile("'(/org/xfce/SessionClients/\\w+)'");
    private static final Pattern PROGRAM = Pattern.compile("'Program': <'([^']*)'>");

    private final Process process;
    private final Process bus;
    private final Map<String, String> env;
    private final Map<String, String> clientEnv;

    private XfceSession(Process process, Process bus, Map<String, String> env, Map<String, String> clientEnv) {
        this.process = process;
        this.bus = bus;
        this.env = env;
        this.clientEnv = clientEnv;
    }

    /** Starts a session bus and xfce4-session on {@code display}; returns once the session is idle. */
    static XfceSession start(Path dir, String display, MarkedProcesses marked) {
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path run = Files.createDirectories(dir.resolve("run"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("DISPLAY", display);
            env.put("HOME", home.toString());
            env.put("XDG_RUNTIME_DIR", run.toString());
            env.put("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + dir.resolve("no-system-bus"));
            env.put(MarkedProcesses.VARIABLE, marked.value());
            Path busAddress = dir.resolve("bus-address");
            ProcessBuilder busBuilder = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--address=unix:dir=" + run,
                    "--print-address=1").redirectOutput(busAddress.toFile()).redirectError(dir.resolve("bus.log").toFile());
            busBuilder.environment().putAll(env);
            Process bus = busBuilder.start();
            String address = Commands.await("the session bus's address", UP, () -> {
                String text = Commands.read(busAddress).strip();
                return text.isEmpty() ? null : text;
            });
            env.put("DBUS_SESSION_BUS_ADDRESS", address);
            ProcessBuilder builder = new ProcessBuilder("xfce4-session", "--disable-tcp").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("xfce4-session.log").toFile());
            builder.environment().putAll(env);
            builder.environment().put("XFSM_VERBOSE", "1");
            Process process = builder.start();
            XfceSession session = new XfceSession(process, bus, Map.copyOf(env), clientEnv(env, run, process.pid()));
            Commands.await("xfce4-session idle", UP, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("xfce4-session ended: " + Commands.read(dir.resolve("xfce4-session.log")));
                }
                return session.state().equals("(uint32 1,)") ? true : null;
            });
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What xfce4-session gives the programs it starts: its ICE address (an abstract and a path
     * socket named by its pid; libICE's {@code local}/{@code unix} ids) and the ICE authority file it
     * wrote into XDG_RUNTIME_DIR.
     */
    private static Map<String, String> clientEnv(Map<String, String> env, Path run, long pid) throws IOException {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        Map<String, String> client = new LinkedHashMap<>(env);
        client.remove("HOME");
        client.put("SESSION_MANAGER", "local/" + host + ":@/tmp/.ICE-unix/" + pid + ",unix/" + host + ":/tmp/.ICE-unix/" + pid);
        client.put("ICEAUTHORITY", run.resolve("ICEauthority").toString());
        return Map.copyOf(client);
    }

    /** @return what a client of this session needs in its environment */
    Map<String, String> clientEnv() {
        return clientEnv;
    }

    /** @return {@code GetState}'s answer, e.g. {@code (uint32 1,)} for IDLE; empty while it does not answer */
    String state() {
        try {
            return managerCall("GetState").strip();
        } catch (AssertionError e) {
            return "";
        }
    }

    /** {@code Logout(show_dialog=false, allow_save=true)}: the session's end, as the panel's "Log Out" without asking. */
    void logout() {
        managerCall("Logout", "false", "true");
    }

    /** @return the {@code Program} of every client xfce4-session lists: what it shows of each */
    List<String> programs() {
        List<String> programs = new ArrayList<>();
        Matcher client = CLIENT.matcher(managerCall("ListClients"));
        while (client.find()) {
            String properties = Commands.run(env, CALL, "gdbus", "call", "--session", "-d", "org.xfce.SessionManager",
                    "-o", client.group(1), "-m", "org.xfce.Session.Client.GetAllSmProperties");
            Matcher program = PROGRAM.matcher(properties);
            if (program.find()) {
                programs.add(program.group(1));
            }
        }
        return programs;
    }

    /** @return whether xfce4-session still runs */
    boolean isRunning() {
        return process.isAlive();
    }

    private String managerCall(String method, String... args) {
        List<String> command = new ArrayList<>(List.of("gdbus", "call", "--session", "-d", "org.xfce.SessionManager",
                "-o", "/org/xfce/SessionManager", "-m", "org.xfce.Session.Manager." + method));
        command.addAll(List.of(args));
        return Commands.run(env, CALL, command.toArray(new String[0]));
    }

    @Override
    public void close() {
        Commands.stop(process);
        IceSockets.removeOf(process.pid());
        Commands.stop(bus);
    }
}
