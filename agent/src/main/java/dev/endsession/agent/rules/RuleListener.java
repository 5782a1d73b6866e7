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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One rule as a listener: vetoes while its veto method returns true on any of its objects, with the
 * reason rendered for each vetoing object (distinct texts joined by {@code "; "}), and calls the
 * cleanup method on each object at the end. Methods are resolved once per class; each part a class
 * lacks is reported once, with its line, and the parts that fit still work. Thread-safe.
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
            return Binding.of(rule, type, open);
        }
    };

    /** Whether a class's problems were logged: a ClassValue may compute twice when threads race, this flag is set once. */
    private final ClassValue<AtomicBoolean> reported = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
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
            LOG.error("Rule {}: {}; the rule does nothing", rule.classLabel(), error);
            return error;
        }
        Class<?> objects = source.objectType(type);
        if (objects != null) {
            Binding.Result result = bind(objects); // logs its problems once
            if (result.closed() != null || !result.problems().isEmpty()) {
                List<String> messages = new ArrayList<>();
                for (Fit.Problem problem : result.problems()) {
                    messages.add(problem.message());
                }
                if (result.closed() != null) {
                    messages.add(result.closed());
                }
                return String.join("\n", messages);
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

    /** One line per part that does not fit: where it is written, what is wrong, and what the rule still does. */
    private void report(Binding.Result result) {
        for (Fit.Problem problem : result.problems()) {
            LOG.error("Rule {}: {}; {}", rule.label(problem.key()), problem.message(), consequence(problem, result.problems()));
        }
        if (result.closed() != null) {
            LOG.error("Rule {}: {}; the rule leaves these objects alone", rule.classLabel(), result.closed());
        }
    }

    private String consequence(Fit.Problem problem, List<Fit.Problem> all) {
        boolean vetoFits = rule.veto().isPresent() && !Fit.about(all, Fit.VETO);
        boolean cleanupFits = rule.cleanup().isPresent() && !Fit.about(all, Fit.CLEANUP);
        return switch (problem.key()) {
            case Fit.REASON -> "the reason shows " + Template.unknown(problem.member()) + " there";
            case Fit.VETO -> cleanupFits ? "the rule never vetoes; its cleanup still runs" : "the rule leaves these objects alone";
            default -> vetoFits ? "the rule calls no cleanup; its veto still works" : "the rule leaves these objects alone";
        };
    }

    private Binding bindingFor(Object object) {
        Binding.Result result = bind(object.getClass());
        return result.binding();
    }

    private Binding.Result bind(Class<?> type) {
        Binding.Result result = bindings.get(type);
        if ((result.closed() != null || !result.problems().isEmpty()) && reported.get(type).compareAndSet(false, true)) {
            report(result);
        }
        return result;
    }
}
