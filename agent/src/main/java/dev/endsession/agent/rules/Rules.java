package dev.endsession.agent.rules;

import dev.endsession.agent.boot.Instances;
import dev.endsession.agent.core.Coordinator;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;

/**
 * Puts a rules file to work: one listener per rule, registered with the coordinator, and a
 * transformer for the classes the rules name. Classes already loaded (when attached to a running
 * JVM) are checked at once and retransformed; the others are checked when they load. Every
 * problem is one clear line; none stops the application.
 */
public final class Rules {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.rules");

    private final Map<String, List<RuleListener>> byClass = new LinkedHashMap<>();
    private final Set<String> checked = ConcurrentHashMap.newKeySet();
    private final Consumer<Class<?>> open;

    private Rules(Consumer<Class<?>> open) {
        this.open = open;
    }

    /**
     * @param file the rules file
     * @param coordinator receives one listener per valid rule
     * @param instrumentation to transform the tracked classes
     * @param attached {@code true} when the agent was attached to a running JVM
     */
    public static void start(Path file, Coordinator coordinator, Instrumentation instrumentation, boolean attached) {
        try {
            apply(file, coordinator, instrumentation, attached);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("The rules in {} could not be applied ({}); the application runs without them", file, e.toString());
        }
    }

    private static void apply(Path file, Coordinator coordinator, Instrumentation instrumentation, boolean attached) {
        RulesFile.Parsed parsed = RulesFile.read(file);
        parsed.errors().forEach(e -> LOG.error("{}", e));
        Rules rules = new Rules(type -> openToAgent(instrumentation, type));
        Set<String> tracked = parsed.rules().stream().filter(r -> r.track().isPresent()).map(Rule::className)
                .collect(Collectors.toSet());
        Registry registry = new Registry(tracked);
        for (Rule rule : parsed.rules()) {
            Source source = rule.track().isPresent() ? new Source.ForTracked(registry, rule.className())
                    : new Source.ForAccessor(rule.accessor().orElseThrow());
            RuleListener listener = new RuleListener(rule, source, rules.open);
            rules.byClass.computeIfAbsent(rule.className(), k -> new ArrayList<>()).add(listener);
            coordinator.register(listener);
        }
        if (rules.byClass.isEmpty()) {
            return;
        }
        if (!tracked.isEmpty()) {
            Instances.install(registry);
        }
        instrumentation.addTransformer(new RuleTransformer(internal(rules.byClass.keySet()), internal(tracked),
                rules::checkLater), true);
        rules.checkLoaded(instrumentation, tracked, attached);
        LOG.info("{} rules from {} ({} tracking)", parsed.rules().size(), file, tracked.size());
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
                entry.getValue().forEach(l -> LOG.error("Rule {}: class {} is not on the class path; {}. The rule waits in "
                        + "case another class loader defines it", l.rule().label(), name,
                        ClassPathProbe.whatPackageHas(name, System.getProperty("java.class.path", ""))));
            }
        }
        List<Class<?>> toWeave = loaded.values().stream().filter(c -> tracked.contains(c.getName())).collect(Collectors.toList());
        if (toWeave.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(toWeave.toArray(Class<?>[]::new));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            LOG.error("Cannot retransform {}: {}", toWeave, e.toString());
        }
        if (attached) {
            for (Class<?> type : toWeave) {
                byClass.get(type.getName()).forEach(l -> LOG.warn("Rule {} tracks {}, which was loaded before the agent was "
                        + "attached: objects created before now are not seen, only new ones. To reach the older ones, use a "
                        + "rule with accessor = SomeClass#staticMethod() that returns them", l.rule().label(), type.getName()));
            }
        }
    }

    /** A watched class is being defined: check its rules once it is, on a thread of its own. */
    private void checkLater(String name, ClassLoader loader) {
        if (loader == null || !checked.add(name + "@" + System.identityHashCode(loader))) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                // Waits for the definition under way to finish (the loader's lock), then returns the class.
                check(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                LOG.error("Cannot check the rules for {}: {}", name, e.toString());
            }
        }, "endsession-rules-check");
        thread.setDaemon(true);
        thread.start();
    }

    private void check(Class<?> type) {
        byClass.getOrDefault(type.getName(), List.of()).forEach(listener -> listener.loaded(type));
    }

    private static Set<String> internal(Set<String> names) {
        return names.stream().map(n -> n.replace('.', '/')).collect(Collectors.toSet());
    }

    /** A class in a named module that does not open its package: open it to the agent alone. */
    private static void openToAgent(Instrumentation instrumentation, Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed() && instrumentation.isModifiableModule(module)) {
            instrumentation.redefineModule(module, Set.of(), Map.of(), Map.of(type.getPackageName(), Set.of(Rules.class.getModule())),
                    Set.of(), Map.of());
        }
    }
}
