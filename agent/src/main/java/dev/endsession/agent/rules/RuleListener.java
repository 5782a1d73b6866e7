package dev.endsession.agent.rules;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.EndSessionEvent;
import dev.endsession.api.EndSessionListener;
import dev.endsession.api.QueryEndSession;
import dev.endsession.api.Vote;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One rule as a listener: vetoes while its veto method returns true on any of its objects, with the
 * reason rendered for each vetoing object (distinct texts joined by {@code "; "}), and calls the
 * cleanup method on each object at the end. Methods are resolved once per class; a class that lacks
 * them is reported once and its objects are left alone. Thread-safe.
 */
final class RuleListener implements EndSessionListener {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.rules");

    private final Rule rule;
    private final Source source;
    private final Consumer<Class<?>> open;
    /** A ClassValue, not a map: it never keeps an app's class (and its loader) from being unloaded. */
    private final ClassValue<Binding.Result> bindings = new ClassValue<>() {
        @Override
        protected Binding.Result computeValue(Class<?> type) {
            Binding.Result result = Binding.of(rule, type, open);
            if (!result.ok()) {
                LOG.error("Rule {}: {}; the rule leaves these objects alone", rule.label(), result.error());
            }
            return result;
        }
    };

    RuleListener(Rule rule, Source source, Consumer<Class<?>> open) {
        this.rule = rule;
        this.source = source;
        this.open = open;
    }

    Rule rule() {
        return rule;
    }

    /**
     * The rule's class was loaded or found loaded: resolve and check everything now, so a wrong rule
     * is reported at once rather than at the end of the session.
     *
     * @return null if the rule fits the class, else the error (already logged)
     */
    String loaded(Class<?> type) {
        String error = source.loaded(type, open);
        if (error != null) {
            LOG.error("Rule {}: {}; the rule does nothing", rule.label(), error);
            return error;
        }
        Class<?> objects = source.objectType(type);
        if (objects != null) {
            Binding.Result result = bind(objects); // logs its error once
            if (!result.ok()) {
                return result.error();
            }
        }
        LOG.debug("Rule {} applies to {} (loaded by {})", rule.label(), type.getName(), type.getClassLoader());
        return null;
    }

    @Override
    public Vote onQueryEndSession(QueryEndSession query) {
        List<Object> objects = source.objects();
        LOG.debug("Rule {}: {} live objects", rule.label(), objects.size());
        if (rule.veto().isEmpty()) {
            return Vote.allow();
        }
        List<Object> vetoing = new ArrayList<>();
        List<Binding> bound = new ArrayList<>();
        for (Object object : objects) {
            Binding binding = bindingFor(object);
            if (binding != null && binding.vetoes(object)) {
                vetoing.add(object);
                bound.add(binding);
            }
        }
        if (vetoing.isEmpty()) {
            return Vote.allow();
        }
        Set<String> texts = new LinkedHashSet<>();
        String count = Integer.toString(vetoing.size());
        for (int i = 0; i < vetoing.size(); i++) {
            Object object = vetoing.get(i);
            Binding binding = bound.get(i);
            texts.add(Template.render(rule.reasonTemplate(), name -> name.equals(Template.COUNT) ? count : binding.value(object, name)));
        }
        return Vote.veto(String.join("; ", texts));
    }

    @Override
    public void onEndSession(EndSessionEvent event) {
        if (rule.cleanup().isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (Object object : source.objects()) {
            Binding binding = bindingFor(object);
            try {
                if (binding != null) {
                    binding.cleanup(object);
                }
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " cleanups failed: " + String.join("; ", failures));
        }
    }

    @Override
    public int order() {
        return rule.order();
    }

    @Override
    public String name() {
        return "rule " + rule.name();
    }

    private Binding bindingFor(Object object) {
        Binding.Result result = bind(object.getClass());
        return result.binding();
    }

    private Binding.Result bind(Class<?> type) {
        return bindings.get(type);
    }
}
