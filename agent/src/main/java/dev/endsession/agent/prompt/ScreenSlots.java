package dev.endsession.agent.prompt;

import dev.endsession.agent.bus.SessionDirectory;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The session's prompts, across its JVMs, so that none hides another: each prompt on the screen
 * holds a slot, a file {@code prompt-<display>-<n>.slot} in the session directory, locked for as long as the
 * prompt shows and holding its place on the screen. A new prompt takes a free slot and a
 * {@link Placement} clear of the places in the locked ones; {@code prompt-<display>.lock} keeps two JVMs
 * from choosing at the same moment. The OS drops a dead JVM's locks, so a killed app leaves no
 * stale place. Without a usable session directory the prompt is simply centred.
 */
final class ScreenSlots {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.prompt");
    /** More prompts than this at once are cascaded over the others. */
    private static final int SLOTS = 16;
    /** Locks are taken on a byte far past the content, so the content stays readable where locks are mandatory (Windows). */
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private final Path dir;
    private final String display;

    /**
     * @param dir where the slots are
     * @param screen the screen the prompts share (prompts on different displays hide nothing of each other)
     */
    ScreenSlots(Path dir, String screen) {
        this.dir = dir;
        this.display = screen;
    }

    /** @return the slots of this process's session (the bus's session directory, created private if needed), or null */
    static ScreenSlots ofSession(Map<String, String> env) {
        try {
            return new ScreenSlots(SessionDirectory.create(SessionDirectory.root(env), SessionDirectory.ownSession(env)).path(),
                    screenOf(env));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Prompts are centred: no session directory to share their places through ({})", e.toString());
            return null;
        }
    }

    /** @return the display's name as a file name part: {@code DISPLAY=:118} gives {@code -118}; empty where there is one screen */
    static String screenOf(Map<String, String> env) {
        String display = env.getOrDefault("DISPLAY", env.getOrDefault("WAYLAND_DISPLAY", ""));
        String name = display.replaceAll("[^A-Za-z0-9_.-]", "");
        return name.isEmpty() ? "" : "-" + name.substring(0, Math.min(name.length(), 32));
    }

    /**
     * Takes a slot and a place for a prompt of {@code size}.
     *
     * @return the slot, holding its place until closed
     */
    Slot claim(Dimension size, Rectangle usable) throws IOException {
        try (FileChannel placing = FileChannel.open(dir.resolve("prompt" + display + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock choosing = placing.lock()) {
            List<Rectangle> taken = new ArrayList<>();
            Slot mine = null;
            for (int n = 0; n < SLOTS; n++) {
                FileChannel file = FileChannel.open(dir.resolve("prompt" + display + "-" + n + ".slot"), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = tryLock(file);
                if (lock == null) {
                    read(file).ifPresent(taken::add);
                    file.close();
                } else if (mine == null) {
                    mine = new Slot(n, file, lock);
                } else {
                    lock.release();
                    file.close();
                }
            }
            Rectangle place = Placement.free(size, usable, taken);
            if (mine != null) {
                mine.hold(place);
            } else {
                mine = new Slot(-1, null, null);
                mine.place = place;
            }
            LOG.debug("A prompt takes slot {} at {}, clear of {} other prompts", mine.number, place, taken.size());
            return mine;
        }
    }

    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock(LOCKED_BYTE, 1, false);
        } catch (OverlappingFileLockException e) {
            return null; // this JVM shows a prompt in it
        }
    }

    /** @return the place written in a slot, if it holds a well-formed one */
    private static java.util.Optional<Rectangle> read(FileChannel file) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(64);
        file.read(bytes, 0);
        String[] words = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip().split(" ");
        try {
            return words.length != 4 ? java.util.Optional.empty() : java.util.Optional.of(new Rectangle(Integer.parseInt(words[0]),
                    Integer.parseInt(words[1]), Integer.parseInt(words[2]), Integer.parseInt(words[3])));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** A prompt's slot: its place on the screen, held until {@link #close()}. */
    static final class Slot implements AutoCloseable {
        private final int number;
        private final FileChannel file;
        private final FileLock lock;
        private Rectangle place;

        private Slot(int number, FileChannel file, FileLock lock) {
            this.number = number;
            this.file = file;
            this.lock = lock;
        }

        /** @return where the prompt goes */
        Rectangle place() {
            return place;
        }

        private void hold(Rectangle at) throws IOException {
            place = at;
            file.truncate(0);
            file.write(ByteBuffer.wrap((at.x + " " + at.y + " " + at.width + " " + at.height + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
        }

        /** Gives the place back; never throws. */
        @Override
        public void close() {
            if (file == null) {
                return;
            }
            try {
                lock.release();
                file.close();
            } catch (IOException e) {
                // closing the channel releases the lock anyway
            }
        }
    }
}
