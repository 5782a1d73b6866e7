package dev.endsession.agent.core;

import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registered listeners, kept sorted by order; name and order read once, guarded. */
final class Listeners {

    /**
     * A listener with its name and order read once, so a listener that throws there is still usable.
     *
     * @param hearsCancel whether it overrides {@code onEndSessionCancelled}: the default does nothing,
     *     so most listeners cost a cancel no thread hand-off
     */
    record Entry(EndSessionListener listener, String name, int order, boolean hearsCancel) {
    }

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();

    void add(EndSessionListener listener) {
        String name;
        int order;
        try {
            name = listener.name();
        } catch (RuntimeException e) {
            name = listener.getClass().getName();
        }
        try {
            order = listener.order();
        } catch (RuntimeException e) {
            order = 0;
        }
        synchronized (entries) {
            // After every entry of the same order: equal orders keep their registration order. (A loop, not
            // a sorted stream: registering at start-up must not pay for the lambda bootstrap.)
            int at = entries.size();
            while (at > 0 && entries.get(at - 1).order() > order) {
                at--;
            }
            entries.add(at, new Entry(listener, name == null ? listener.getClass().getName() : name, order,
                    overrides(listener, "onEndSessionCancelled")));
        }
    }

    private static boolean overrides(EndSessionListener listener, String method) {
        try {
            return listener.getClass().getMethod(method, EndSessionEvent.class).getDeclaringClass() != EndSessionListener.class;
        } catch (NoSuchMethodException | RuntimeException e) {
            return true; // cannot tell: call it
        }
    }

    boolean remove(EndSessionListener listener) {
        synchronized (entries) {
            return entries.removeIf(e -> e.listener() == listener);
        }
    }

    /** @return a snapshot, lowest order first */
    List<Entry> ascending() {
        return List.copyOf(entries);
    }

    /** @return a snapshot, highest order first: the cleanup order */
    List<Entry> descending() {
        List<Entry> list = new java.util.ArrayList<>(entries);
        java.util.Collections.reverse(list);
        return list;
    }
}
