package dev.endsession.agent.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The X server the tests' JVMs draw on, as another process sees it: which top-level windows are
 * on the screen ({@code xwininfo}), with their names and where they are. Windows of other JVMs
 * cannot be found through AWT; the X server knows them all.
 */
public final class Xvfb {

    /** A line of {@code xwininfo -root -tree}: {@code 0x1200007 "notes: Log off?": ("..." "...")  412x146+434+439  +434+439}. */
    private static final Pattern TREE = Pattern.compile("^\\s*(0x[0-9a-f]+) \"(.*)\": \\(.*\\)\\s+(\\d+)x(\\d+)[+-]-?\\d+[+-]-?\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)\\s*$");

    /** A top-level window on the screen. */
    public record Window(String id, String name, Rectangle bounds) {
    }

    private Xvfb() {
    }

    /** Fails on Linux without a display (the build starts Xvfb); skips elsewhere. */
    public static void requireDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        assumeTrue(linux, "the X server is looked at through xwininfo, on Linux");
        assertNotNull(System.getenv("DISPLAY"), "No DISPLAY: start Xvfb (as the build does) and export DISPLAY");
    }

    /** @return the mapped (viewable) windows whose name contains {@code text}, with their place on the screen */
    public static List<Window> windowsNamed(String text) throws IOException, InterruptedException {
        List<Window> found = new ArrayList<>();
        for (String line : run("xwininfo", "-root", "-tree")) {
            Matcher m = TREE.matcher(line);
            if (m.matches() && m.group(2).contains(text) && viewable(m.group(1))) {
                found.add(new Window(m.group(1), m.group(2), new Rectangle(Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))));
            }
        }
        return found;
    }

    private static boolean viewable(String id) throws IOException, InterruptedException {
        return run("xwininfo", "-id", id).stream().anyMatch(line -> line.strip().equals("Map State: IsViewable"));
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        // A window may vanish between the tree and the look at it: that is "not viewable", not a failure.
        return process.exitValue() == 0 || command[1].equals("-id") ? out.lines().toList() : fail(command, out);
    }

    private static List<String> fail(String[] command, String out) {
        throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
}
