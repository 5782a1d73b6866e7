package dev.endsession.agent.rules;

import dev.endsession.agent.boot.Instances;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Sees every class the JVM defines, and acts only on those named in rules (a set lookup per class):
 * reports their loading, so their rules can be checked, and has {@link Weaver} weave the tracked
 * ones. Every other class passes untouched, and Byte Buddy stays unloaded until a tracked class
 * loads. Never throws: a class it cannot weave is logged and loads unchanged.
 */
final class RuleTransformer implements ClassFileTransformer {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.rules");

    private final Set<String> watched;
    private final Set<String> tracked;
    private final BiConsumer<String, ClassLoader> onLoad;

    /**
     * @param watched internal names ({@code com/acme/App}) of every class named in rules
     * @param tracked internal names of the classes whose instances are tracked
     * @param onLoad told the (dotted) name and loader of each watched class defined for the first time
     */
    RuleTransformer(Set<String> watched, Set<String> tracked, BiConsumer<String, ClassLoader> onLoad) {
        this.watched = Set.copyOf(watched);
        this.tracked = Set.copyOf(tracked);
        this.onLoad = onLoad;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] bytes) {
        if (internalName == null || !watched.contains(internalName)) {
            return null;
        }
        String name = internalName.replace('/', '.');
        try {
            if (classBeingRedefined == null) {
                onLoad.accept(name, loader);
            }
            if (tracked.contains(internalName)) {
                if (!seesInstances(loader)) {
                    LOG.error("Cannot track the instances of {}: its class loader {} does not see the agent's "
                            + "dev.endsession.agent.boot package; it loads unchanged", name, loader);
                    return null;
                }
                byte[] woven = Weaver.weave(name, bytes);
                LOG.debug("Tracking the instances of {}", name);
                return woven;
            }
        } catch (Throwable e) { // never fail the application's class loading
            LOG.error("Cannot track the instances of {}: {}; it loads unchanged", name, e.toString());
        }
        return null;
    }

    /** Woven code calls {@link Instances}: only weave where the class will find that very class. */
    private static boolean seesInstances(ClassLoader loader) {
        try {
            return loader != null && Class.forName(Instances.class.getName(), false, loader) == Instances.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
