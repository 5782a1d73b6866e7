package dev.endsession.agent.rules;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A rule's methods and fields, resolved on one class: how to ask an object whether it vetoes, read
 * the values its reason shows, and clean it up. Made by {@link #of}, which keeps every part that
 * fits ({@link Fit}): a wrong cleanup leaves the veto, a wrong veto leaves the cleanup, a reason
 * placeholder with no member prints as {@code {name?}}. Immutable; thread-safe.
 */
final class Binding {

    /**
     * What {@link #of} found.
     *
     * @param binding the parts that fit; null when none does (or the class's module is closed to the agent)
     * @param problems one per part that does not fit
     * @param closed why the class's members cannot be reached at all, or null
     */
    record Result(Binding binding, List<Fit.Problem> problems, String closed) {
        boolean ok() {
            return binding != null;
        }
    }

    private final Method veto;
    private final Method cleanup;
    private final Map<String, AccessibleObject> values;

    private Binding(Method veto, Method cleanup, Map<String, AccessibleObject> values) {
        this.veto = veto;
        this.cleanup = cleanup;
        this.values = values;
    }

    /**
     * @param rule the rule
     * @param type the class of the rule's objects (or a superclass of theirs)
     * @param open opens a class's package to the agent when its module does not (named modules)
     */
    static Result of(Rule rule, Class<?> type, Consumer<Class<?>> open) {
        List<Fit.Problem> problems = Fit.members(rule, Shape.of(type));
        Method veto = rule.veto().isPresent() && !Fit.about(problems, Fit.VETO)
                ? Members.method(type, rule.veto().get(), false).orElse(null) : null;
        Method cleanup = rule.cleanup().isPresent() && !Fit.about(problems, Fit.CLEANUP)
                ? Members.method(type, rule.cleanup().get(), false).orElse(null) : null;
        Map<String, AccessibleObject> values = new LinkedHashMap<>();
        if (veto != null) {
            for (String name : Template.members(rule.reasonTemplate())) {
                Optional<Method> method = Members.method(type, name, false);
                Optional<Field> field = method.isPresent() ? Optional.empty() : Members.field(type, name, false);
                if (method.isPresent() || field.isPresent()) {
                    values.put(name, method.isPresent() ? method.get() : field.get());
                }
            }
        }
        if (veto == null && cleanup == null) {
            return new Result(null, problems, null);
        }
        Binding binding = new Binding(veto, cleanup, values);
        String closed = binding.makeAccessible(type, open);
        return closed == null ? new Result(binding, problems, null) : new Result(null, problems, closed);
    }

    /** @return whether {@code object} vetoes now @throws IllegalStateException if the method throws */
    boolean vetoes(Object object) {
        return veto != null && Boolean.TRUE.equals(call(veto, object));
    }

    /** @return the value of {@code {name}} for {@code object}, as text; {@code {name?}} if the class has no such member */
    String value(Object object, String name) {
        AccessibleObject member = values.get(name);
        if (member == null) {
            return Template.unknown(name);
        }
        Object value = member instanceof Field f ? read(f, object) : call((Method) member, object);
        return String.valueOf(value);
    }

    /** Runs the cleanup method on {@code object}, if the rule has one that fits. */
    void cleanup(Object object) {
        if (cleanup != null) {
            call(cleanup, object);
        }
    }

    private String makeAccessible(Class<?> type, Consumer<Class<?>> open) {
        for (AccessibleObject member : all()) {
            if (!Members.open(member)) {
                open.accept(type);
                if (!Members.open(member)) {
                    return "class " + type.getName() + " is in module " + type.getModule().getName()
                            + ", which does not open its package to the agent";
                }
            }
        }
        return null;
    }

    private List<AccessibleObject> all() {
        List<AccessibleObject> all = new ArrayList<>(values.values());
        if (veto != null) {
            all.add(veto);
        }
        if (cleanup != null) {
            all.add(cleanup);
        }
        return all;
    }

    private static Object call(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + "() threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}
