package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentitySetTest {

    /** Equal to every other, and its hash changes with its state: only identity may count. */
    static final class Fickle {
        int state;

        @Override
        public boolean equals(Object other) {
            return other instanceof Fickle;
        }

        @Override
        public int hashCode() {
            return state;
        }
    }

    final WeakIdentitySet set = new WeakIdentitySet();

    @Test
    void objectsCountByIdentityWhateverTheirEqualsSays() {
        Fickle a = new Fickle();
        Fickle b = new Fickle();
        set.add(a);
        set.add(b);
        a.state = 42;
        set.add(a); // a constructor calling another constructor reports the object twice
        assertEquals(2, set.size());
        List<Object> live = set.live();
        assertEquals(2, live.size());
        assertSame(a, live.stream().filter(o -> o == a).findFirst().orElseThrow());
    }

    @Test
    void theSetNeverKeepsAnObjectAlive() {
        Object kept = new Object();
        WeakReference<Object> dropped = addDropped();
        set.add(kept);
        collectUntilCleared(dropped);
        assertNull(dropped.get(), "collected although the set held it");
        assertEquals(List.of(kept), set.live());
    }

    private WeakReference<Object> addDropped() {
        Object object = new ArrayList<>(List.of("dropped"));
        set.add(object);
        return new WeakReference<>(object);
    }

    /** A bounded loop: System.gc() is a request, not a promise. */
    static void collectUntilCleared(WeakReference<?> ref) {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
        }
    }
}
