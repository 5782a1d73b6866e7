package dev.endsession.agent.prompt;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.List;

/**
 * Where a prompt goes so that it hides none of the session's other prompts: centred when the
 * centre is free, else the nearest free place in a grid around the centre (rows above and below
 * first, then columns to either side), else cascaded over the others, each a step further down
 * and to the right from the top left corner, so every one still shows its title and name. A function of sizes only: no AWT
 * toolkit needed.
 */
final class Placement {

    /** The space between two prompts, and the cascade's step. */
    static final int GAP = 16;
    private static final int CASCADE = 32;

    private Placement() {
    }

    /**
     * @param size the prompt's size
     * @param screen the usable screen
     * @param taken the places of the prompts already shown
     * @return where to put it
     */
    static Rectangle free(Dimension size, Rectangle screen, List<Rectangle> taken) {
        Rectangle centre = new Rectangle(screen.x + (screen.width - size.width) / 2, screen.y + (screen.height - size.height) / 2,
                size.width, size.height);
        int rows = Math.max(1, screen.height / (size.height + GAP));
        int columns = Math.max(1, screen.width / (size.width + GAP));
        for (int column = 0; column < columns; column++) {
            for (int row = 0; row < rows; row++) {
                Rectangle place = new Rectangle(centre);
                place.translate(step(column) * (size.width + GAP), step(row) * (size.height + GAP));
                if (screen.contains(place) && taken.stream().noneMatch(place::intersects)) {
                    return place;
                }
            }
        }
        // Cascade from the top left corner, as far as the screen goes, then again from the corner.
        int steps = Math.max(1, Math.min(screen.width - size.width, screen.height - size.height) / CASCADE);
        int step = taken.size() % steps;
        return new Rectangle(screen.x + CASCADE * step, screen.y + CASCADE * step, size.width, size.height);
    }

    /** 0, 1, -1, 2, -2, ...: the n-th step out from the centre. */
    private static int step(int n) {
        return n % 2 == 1 ? (n + 1) / 2 : -n / 2;
    }
}
