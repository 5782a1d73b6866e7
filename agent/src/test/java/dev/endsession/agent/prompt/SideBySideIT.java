package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.BusSession;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.PromptingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.Xvfb;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two apps of one session ask the user at once (issue 16, item 7): both Swing prompts are on the
 * screen, side by side, never one over the other, each naming its app. Positions are read from
 * the X server; a screenshot of the whole screen is kept as a build artifact,
 * {@code agent/target/screenshots/two-prompts.png}.
 */
@Timeout(120)
class SideBySideIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void twoAppsPromptsAtOnceAreBothVisibleAndDoNotOverlap() throws Exception {
        Xvfb.requireDisplay();
        try (BusSession session = new BusSession(dir)) {
            TestJvm notes = session.app("default", "name=notes,prompt=swing,log=debug", List.of(PromptingListener.class),
                    "-Dendsession.test.ask=90");
            TestJvm journal = session.app("default", "name=journal,prompt=swing,log=debug", List.of(PromptingListener.class),
                    "-Dendsession.test.ask=90");
            CompletableFuture<BusSession.Run> round = CompletableFuture.supplyAsync(
                    () -> session.cli("logoff", "--timeout", "100s"));

            awaitPrompts(2);
            Path shot = screenshot("two-prompts.png");
            List<Xvfb.Window> prompts = Xvfb.windowsNamed(": Log off?"); // where they are once drawn, as the screenshot shows them
            assertEquals(2, prompts.size(), prompts.toString());

            assertEquals(List.of("journal: Log off?", "notes: Log off?"),
                    prompts.stream().map(Xvfb.Window::name).sorted().toList(), "each prompt names its app");
            Rectangle a = prompts.get(0).bounds();
            Rectangle b = prompts.get(1).bounds();
            assertFalse(a.intersects(b), "the prompts overlap: " + a + " and " + b + "; see " + shot + "\n" + notes.stderr()
                    + journal.stderr());
            Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
            assertTrue(screen.contains(a) && screen.contains(b), a + " and " + b + " on the screen " + screen + "; see " + shot);
            BufferedImage image = ImageIO.read(shot.toFile());
            for (Rectangle prompt : List.of(a, b)) {
                assertTrue(drawn(image, prompt), "a prompt was drawn at " + prompt + ": " + shot);
            }

            notes.close();
            journal.close();
            BusSession.Run run = round.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
        }
    }

    /** @return the prompts on the screen once there are {@code count} of them */
    private static List<Xvfb.Window> awaitPrompts(int count) throws Exception {
        Instant end = Instant.now().plus(WAIT);
        List<Xvfb.Window> found = Xvfb.windowsNamed(": Log off?");
        while (found.size() < count) {
            assertTrue(Instant.now().isBefore(end), "only " + found + " on the screen after " + WAIT);
            Thread.sleep(50); // a pause between looks at the X server, which another process draws on
            found = Xvfb.windowsNamed(": Log off?");
        }
        return found;
    }

    /** The whole screen, as the user sees it, kept under target/screenshots. */
    private static Path screenshot(String file) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Path shot = shots.resolve(file);
        Robot robot = new Robot();
        robot.waitForIdle();
        BufferedImage image = robot.createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()));
        assertTrue(ImageIO.write(image, "png", shot.toFile()));
        return shot.toAbsolutePath();
    }

    /** A dialog has a face, text and buttons: many colours; the bare root window has one. */
    private static boolean drawn(BufferedImage image, Rectangle area) {
        return java.util.stream.IntStream.range(0, area.width * area.height)
                .map(i -> image.getRGB(area.x + i % area.width, area.y + i / area.width)).distinct().count() > 2;
    }
}
