package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Prompts of one session take places that hide none of the others, and give them back when closed. */
@Timeout(30)
class ScreenSlotsTest {

    static final Rectangle SCREEN = new Rectangle(0, 0, 1280, 1024);
    static final Dimension PROMPT = new Dimension(448, 122);

    @TempDir
    Path dir;

    @Test
    void theFirstPromptIsCentredAndTheNextOnesHideNone() throws Exception {
        ScreenSlots slots = new ScreenSlots(dir, "-118");
        List<ScreenSlots.Slot> open = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                open.add(slots.claim(PROMPT, SCREEN));
            }
            assertEquals(new Rectangle(416, 451, 448, 122), open.get(0).place());
            for (int i = 0; i < open.size(); i++) {
                assertTrue(SCREEN.contains(open.get(i).place()), open.get(i).place().toString());
                for (int j = i + 1; j < open.size(); j++) {
                    assertFalse(open.get(i).place().intersects(open.get(j).place()), open.get(i).place() + " " + open.get(j).place());
                }
            }
        } finally {
            open.forEach(ScreenSlots.Slot::close);
        }
    }

    @Test
    void aClosedPromptsPlaceIsFreeAgain() throws Exception {
        ScreenSlots slots = new ScreenSlots(dir, "-118");
        ScreenSlots.Slot first = slots.claim(PROMPT, SCREEN);
        Rectangle centre = first.place();
        try (ScreenSlots.Slot second = slots.claim(PROMPT, SCREEN)) {
            first.close();
            try (ScreenSlots.Slot third = slots.claim(PROMPT, SCREEN)) {
                assertEquals(centre, third.place());
                assertFalse(third.place().intersects(second.place()));
            }
        }
    }

    @Test
    void promptsOnAnotherDisplayHideNothingHere() throws Exception {
        try (ScreenSlots.Slot there = new ScreenSlots(dir, ScreenSlots.screenOf(java.util.Map.of("DISPLAY", ":111"))).claim(PROMPT, SCREEN);
                ScreenSlots.Slot here = new ScreenSlots(dir, ScreenSlots.screenOf(java.util.Map.of("DISPLAY", ":118.0"))).claim(PROMPT, SCREEN)) {
            assertEquals(there.place(), here.place(), "both centred, each on its own screen");
        }
        assertEquals("-118.0", ScreenSlots.screenOf(java.util.Map.of("DISPLAY", ":118.0")));
        assertEquals("", ScreenSlots.screenOf(java.util.Map.of()));
    }

    @Test
    void whenTheScreenIsFullPromptsCascadeSoEachTitleShows() {
        List<Rectangle> taken = new ArrayList<>();
        for (int i = 0; i < 16; i++) { // as many as there are slots
            taken.add(Placement.free(PROMPT, SCREEN, taken));
        }
        assertEquals(16, taken.stream().map(r -> r.x + "," + r.y).distinct().count(), "no two prompts at the same place");
        assertTrue(taken.stream().allMatch(SCREEN::contains), taken.toString());
    }
}
