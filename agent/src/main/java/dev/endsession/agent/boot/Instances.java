package dev.endsession.agent.boot;

import java.util.function.BiConsumer;

/**
 * Where the constructors of classes named in rules report their new objects. The code woven into
 * those classes runs in the application's class loader, which sees only the API and this package,
 * so this hook lives here (JDK only) and forwards to the sink the agent installs from its own,
 * isolated loader. Before a sink is installed, objects are ignored.
 *
 * <p>Thread-safe; {@link #track} never throws. Not an API: only woven code calls it.
 */
public final class Instances {

    private static volatile BiConsumer<String, Object> sink;

    private Instances() {
    }

    /**
     * Called by the woven constructor of a class named in a rule, once the object is built.
     *
     * @param type the name of the class whose constructor ran (a superclass of the object's class, maybe)
     * @param instance the new object
     */
    public static void track(String type, Object instance) {
        BiConsumer<String, Object> current = sink;
        if (current != null) {
            try {
                current.accept(type, instance);
            } catch (Throwable e) { // never fail the application's constructor
                // nothing sensible to do here: the object is simply not tracked
            }
        }
    }

    /** @param target receives every tracked object; replaces the previous sink */
    public static void install(BiConsumer<String, Object> target) {
        sink = target;
    }
}
