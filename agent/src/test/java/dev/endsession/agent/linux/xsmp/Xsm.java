package dev.endsession.agent.linux.xsmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The real xsm (x11-session-utils), X's sample session manager, with a private HOME and ICE
 * authority file, driven through its own buttons with xdotool: xsm offers no other way to start a
 * shutdown (it refuses a client's SaveYourselfRequest). A bare X server has no window manager, so
 * xsm's windows sit where it puts them, at the top left (as {@code linux-lab/xsmp} measured).
 */
final class Xsm implements AutoCloseable {

    private static final Duration UP = Duration.ofSeconds(30);

    private final Process process;
    private final Map<String, String> clientEnv;
    private final Path log;

    private Xsm(Process process, Map<String, String> clientEnv, Path log) {
        this.process = process;
        this.clientEnv = clientEnv;
        this.log = log;
    }

    /** Starts xsm on {@code display}; returns once it published its address. */
    static Xsm start(Path dir, String display, MarkedProcesses marked) {
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path address = dir.resolve("session-manager");
            // With no saved session xsm runs ~/.xsmstartup, with SESSION_MANAGER set: it writes the address down.
            Files.writeString(home.resolve(".xsmstartup"), "sh -c 'echo \"$SESSION_MANAGER\" > " + address + "'\n");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("DISPLAY", display);
            env.put("HOME", home.toString());
            env.put("ICEAUTHORITY", dir.resolve("ICEauthority").toString());
            env.put(MarkedProcesses.VARIABLE, marked.value());
            Path log = dir.resolve("xsm.log");
            ProcessBuilder builder = new ProcessBuilder("xsm", "-verbose").redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            String manager = Commands.await("xsm's address", UP, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("xsm ended: " + Commands.read(log));
                }
                String text = Commands.read(address).strip();
                return text.isEmpty() ? null : text;
            });
            Map<String, String> clientEnv = new LinkedHashMap<>(env);
            clientEnv.remove("HOME");
            clientEnv.put("SESSION_MANAGER", manager);
            return new Xsm(process, Map.copyOf(clientEnv), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return what a client of this xsm needs: DISPLAY, ICEAUTHORITY, SESSION_MANAGER (and the test's mark) */
    Map<String, String> clientEnv() {
        return clientEnv;
    }

    /** @return whether xsm still runs */
    boolean isRunning() {
        return process.isAlive();
    }

    /** Waits at most {@code timeout} for xsm to end. @return whether it ended */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return xsm's protocol trace ({@code -verbose}) so far */
    String log() {
        return Commands.read(log);
    }

    /**
     * Shutdown → With Checkpoint, then the dialog's Shutdown button (save type Both, interact style
     * Any, xsm's defaults): every client gets {@code SaveYourself(shutdown=True)}.
     */
    void shutdownWithCheckpoint() {
        Set<String> before = visibleWindows();
        // "Shutdown" is a menu button in the main window (0,0)-(186,50): press, then pick the menu's first item.
        xdotool("mousemove", "140", "37", "mousedown", "1");
        String menu = Commands.await("xsm's Shutdown menu", UP, () -> {
            Set<String> now = visibleWindows();
            now.removeAll(before);
            return now.isEmpty() ? null : now.iterator().next();
        });
        int[] box = geometry(menu);
        xdotool("mousemove", Integer.toString(box[0] + box[2] / 2), Integer.toString(box[1] + box[3] / 4), "mouseup", "1");
        xdotool("search", "--sync", "--onlyvisible", "--name", "^Shutdown$");
        // The dialog: its session name field, then its Shutdown button.
        xdotool("mousemove", "190", "115", "click", "1", "type", "endsession");
        xdotool("mousemove", "63", "210", "click", "1");
    }

    private Set<String> visibleWindows() {
        String out = Commands.run(clientEnv, UP, "sh", "-c", "xdotool search --onlyvisible --name '' || true");
        return new HashSet<>(out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** @return x, y, width, height */
    private int[] geometry(String window) {
        String out = xdotool("getwindowgeometry", "--shell", window);
        Map<String, Integer> values = new LinkedHashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> {
            String[] kv = l.split("=", 2);
            values.put(kv[0], Integer.parseInt(kv[1].strip()));
        });
        return new int[] {values.get("X"), values.get("Y"), values.get("WIDTH"), values.get("HEIGHT")};
    }

    private String xdotool(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "xdotool";
        System.arraycopy(args, 0, command, 1, args.length);
        return Commands.run(clientEnv, UP, command);
    }

    @Override
    public void close() {
        Commands.stop(process);
        IceSockets.removeOf(process.pid());
    }
}
