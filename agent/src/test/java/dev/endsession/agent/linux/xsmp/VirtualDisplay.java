package dev.endsession.agent.linux.xsmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A private X server (Xvfb) on a display number it picks itself ({@code -displayfd}), so tests never
 * meet another build's display. Closed, it is stopped.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process process;
    private final String display;

    private VirtualDisplay(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** Starts Xvfb and returns once it accepts clients (it writes its number only then). */
    static VirtualDisplay start(Path dir) {
        try {
            Files.createDirectories(dir);
            Path number = dir.resolve("xvfb.display");
            Process process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1024x768x24")
                    .redirectOutput(number.toFile()).redirectError(dir.resolve("xvfb.log").toFile()).start();
            String display = Commands.await("Xvfb's display number", Duration.ofSeconds(30), () -> {
                String text = Commands.read(number).strip();
                if (!process.isAlive()) {
                    throw new AssertionError("Xvfb ended: " + Commands.read(dir.resolve("xvfb.log")));
                }
                return text.isEmpty() ? null : ":" + text;
            });
            return new VirtualDisplay(process, display);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return e.g. {@code :3} */
    String display() {
        return display;
    }

    @Override
    public void close() {
        Commands.stop(process);
    }
}
