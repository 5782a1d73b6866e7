package dev.endsession.agent.rules;

import dev.endsession.agent.boot.Instances;
import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.trust.TrustedPaths;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Puts a rules file to work: one listener per rule, registered with the coordinator, and a
 * transformer for the classes the rules name. Classes already loaded (when attached to a running
 * JVM) are checked at once and retransformed; the others are checked when they load. Every
 * problem is one clear line; none stops the application. (No lambdas or streams here: this runs at
 * the application's start, where their bootstrap would cost more than everything else.)
 */
public final class Rules {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.rules");

    private final Map<String, List<RuleListener>> byClass = new LinkedHashMap<>();
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    private Rules() {
    }

    /**
     * @param file the rules file
     * @param coordinator receives one listener per valid rule
     * @param instrumentation to transform the tracked classes
     * @param attached {@code true} when the agent was attached to a running JVM
     */
    public static void start(Path file, Coordinator coordinator, Instrumentation instrumentation, boolean attached) {
        Optional<String> untrusted = TrustedPaths.problem(file);
        if (untrusted.isPresent() && Files.exists(file)) {
            LOG.error("rules={} is not trusted: {}; no rules applied", file, untrusted.get());
            return;
        }
        try {
            new Rules().apply(file, coordinator, instrumentation, attached);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("The rules in {} could not be applied ({}); the application runs without them", file, e.toString());
        }
    }

    private void apply(Path file, Coordinator coordinator, Instrumentation instrumentation, boolean attached) {
        RulesFile.Parsed parsed = RulesFile.read(file);
        for (String error : parsed.errors()) {
            LOG.error("{}", error);
        }
        Set<String> tracked = new HashSet<>();
        for (Rule rule : parsed.rules()) {
            if (rule.track().isPresent()) {
                tracked.add(rule.className());
            }
        }
        Registry registry = new Registry(tracked);
        ModuleOpener open = new ModuleOpener(instrumentation);
        for (Rule rule : parsed.rules()) {
            Source source = rule.track().isPresent() ? new Source.ForTracked(registry, rule.className())
                    : new Source.ForAccessor(rule.accessor().orElseThrow());
            RuleListener listener = new RuleListener(rule, source, open);
            List<RuleListener> same = byClass.get(rule.className());
            if (same == null) {
                same = new ArrayList<>();
                byClass.put(rule.className(), same);
            }
            same.add(listener);
            coordinator.register(listener);
        }
        if (byClass.isEmpty()) {
            return;
        }
        if (!tracked.isEmpty()) {
            Instances.install(registry);
        }
        instrumentation.addTransformer(new RuleTransformer(internal(byClass.keySet()), internal(tracked), new OnLoad()), true);
        checkLoaded(instrumentation, tracked, attached);
        LOG.info("{} rule(s) from {}, {} tracking", parsed.rules().size(), file, tracked.size());
    }

    /** Checks the rules whose class is loaded already, retransforms those tracked, and reports the missing ones. */
    private void checkLoaded(Instrumentation instrumentation, Set<String> tracked, boolean attached) {
        Map<String, Class<?>> loaded = new LinkedHashMap<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (byClass.containsKey(type.getName())) {
                loaded.putIfAbsent(type.getName(), type);
                check(type);
            }
        }
        ClassLoader app = ClassLoader.getSystemClassLoader();
        for (Map.Entry<String, List<RuleListener>> entry : byClass.entrySet()) {
            String name = entry.getKey();
            if (!loaded.containsKey(name) && !ClassPathProbe.exists(app, name)) {
                String found = ClassPathProbe.whatPackageHas(name, System.getProperty("java.class.path", ""));
                for (RuleListener listener : entry.getValue()) {
                    LOG.error("Rule {}: class {} is not on the class path; {}. The rule waits in case another class loader "
                            + "defines it", listener.rule().classLabel(), name, found);
                }
            }
        }
        List<Class<?>> toWeave = new ArrayList<>();
        for (Class<?> type : loaded.values()) {
            if (tracked.contains(type.getName())) {
                toWeave.add(type);
            }
        }
        if (toWeave.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(toWeave.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            LOG.error("Cannot retransform {}: {}", toWeave, e.toString());
        }
        if (attached) {
            for (Class<?> type : toWeave) {
                for (RuleListener listener : byClass.get(type.getName())) {
                    LOG.warn("Rule {} tracks {}, which was loaded before the agent was attached: objects created before now "
                            + "are not seen, only new ones. To reach the older ones, use a rule with accessor = "
                            + "SomeClass#staticMethod() that returns them", listener.rule().classLabel(), type.getName());
                }
            }
        }
    }

    private void check(Class<?> type) {
        List<RuleListener> listeners = byClass.get(type.getName());
        if (listeners != null) {
            for (RuleListener listener : listeners) {
                listener.loaded(type);
            }
        }
    }

    private static Set<String> internal(Set<String> names) {
        Set<String> internal = new HashSet<>();
        for (String name : names) {
            internal.add(name.replace('.', '/'));
        }
        return internal;
    }

    /** A watched class is being defined: check its rules once it is, on a thread of its own. */
    private final class OnLoad implements BiConsumer<String, ClassLoader> {
        @Override
        public void accept(String name, ClassLoader loader) {
            if (loader != null && checked.add(name + "@" + System.identityHashCode(loader))) {
                Thread thread = new Thread(new Check(name, loader), "endsession-rules-check");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** Waits for the definition under way to finish (the loader's lock), then checks the class's rules. */
    private final class Check implements Runnable {
        private final String name;
        private final ClassLoader loader;

        Check(String name, ClassLoader loader) {
            this.name = name;
            this.loader = loader;
        }

        @Override
        public void run() {
            try {
                check(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                LOG.error("Cannot check the rules for {}: {}", name, e.toString());
            }
        }
    }

    /** A class in a named module that does not open its package: open it to the agent alone. */
    private static final class ModuleOpener implements Consumer<Class<?>> {
        private final Instrumentation instrumentation;

        ModuleOpener(Instrumentation instrumentation) {
            this.instrumentation = instrumentation;
        }

        @Override
        public void accept(Class<?> type) {
            Module module = type.getModule();
            if (module.isNamed() && instrumentation.isModifiableModule(module)) {
                instrumentation.redefineModule(module, Set.of(), Map.of(),
                        Map.of(type.getPackageName(), Set.of(Rules.class.getModule())), Set.of(), Map.of());
            }
        }
    }
}
