package dev.endsession.agent.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The live objects of every tracked class, held weakly: the sink of
 * {@link dev.endsession.agent.boot.Instances}, which woven constructors call. Only the class names
 * given at construction are kept; anything else is ignored. Thread-safe.
 */
final class Registry implements BiConsumer<String, Object> {

    private final Map<String, WeakIdentitySet> byClass = new ConcurrentHashMap<>();

    /** @param tracked the class names whose objects are kept */
    Registry(Set<String> tracked) {
        for (String name : tracked) {
            byClass.put(name, new WeakIdentitySet());
        }
    }

    @Override
    public void accept(String type, Object instance) {
        WeakIdentitySet set = byClass.get(type);
        if (set != null && instance != null) {
            set.add(instance);
        }
    }

    /** @return the live objects built by {@code type}'s constructor (its subclasses' included) */
    List<Object> live(String type) {
        WeakIdentitySet set = byClass.get(type);
        return set == null ? List.of() : set.live();
    }
}
