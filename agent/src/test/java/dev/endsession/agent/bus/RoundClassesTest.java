package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoundClassesTest {

    private final ClassLoader loader = RoundClasses.class.getClassLoader();

    @Test
    void everyOneOfOurClassesStillExists() {
        // A class renamed or removed would silently leave the first round cold again.
        for (String name : RoundClasses.OWN) {
            assertDoesNotThrow(() -> Class.forName(name, false, loader), name);
        }
    }

    @Test
    void onJava17EveryJdkClassIsFound() {
        int expected = RoundClasses.OWN.length
                + (Runtime.version().feature() == 17 ? RoundClasses.JDK.length : 0);
        int found = RoundClasses.load(loader);
        if (Runtime.version().feature() == 17) {
            assertEquals(expected, found);
        } else {
            assertTrue(found >= expected, "found " + found); // another JDK's internals may differ
        }
    }
}
