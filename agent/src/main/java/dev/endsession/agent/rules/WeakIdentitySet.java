package dev.endsession.agent.rules;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of objects held weakly and compared by identity: it never keeps an object alive, and an
 * app's own {@code equals}/{@code hashCode} (which may change with the object's state) never
 * matter. Collected objects leave the set by themselves. Thread-safe.
 */
final class WeakIdentitySet {

    private final Set<Ref> refs = ConcurrentHashMap.newKeySet();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** @param object added once however often it is given (a constructor calling another one) */
    void add(Object object) {
        expunge();
        refs.add(new Ref(object, collected));
    }

    /** @return the objects alive now, held strongly only by the returned list */
    List<Object> live() {
        expunge();
        List<Object> alive = new ArrayList<>(refs.size());
        for (Ref ref : refs) {
            Object object = ref.get();
            if (object != null) {
                alive.add(object);
            }
        }
        return alive;
    }

    /** @return how many objects are alive now */
    int size() {
        return live().size();
    }

    private void expunge() {
        for (Reference<?> ref = collected.poll(); ref != null; ref = collected.poll()) {
            refs.remove(ref);
        }
    }

    /** A weak reference that is equal to another one for the same object. */
    private static final class Ref extends WeakReference<Object> {
        private final int hash;

        Ref(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Ref ref)) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == ref.get();
        }
    }
}
