package dev.endsession.agent.rules;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A rule's methods and fields, resolved on one class: how to ask an object whether it vetoes, read
 * the values its reason shows, and clean it up. Made by {@link #of}, which says clearly what is
 * missing and what the class has instead. Immutable; thread-safe.
 */
final class Binding {

    /** What {@link #of} found: a binding, or the one sentence saying why there is none. */
    record Result(Binding binding, String error) {
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
        Method veto = null;
        if (rule.veto().isPresent()) {
            String name = rule.veto().get();
            veto = Members.method(type, name, false).orElse(null);
            if (veto == null) {
                return missing(type, "method " + name + "()");
            }
            if (veto.getReturnType() != boolean.class && veto.getReturnType() != Boolean.class) {
                return new Result(null, "method " + type.getName() + "." + name + "() returns "
                        + veto.getReturnType().getSimpleName() + ", not boolean; a veto needs a boolean method");
            }
        }
        Method cleanup = null;
        if (rule.cleanup().isPresent()) {
            cleanup = Members.method(type, rule.cleanup().get(), false).orElse(null);
            if (cleanup == null) {
                return missing(type, "method " + rule.cleanup().get() + "()");
            }
        }
        Map<String, AccessibleObject> values = new LinkedHashMap<>();
        if (rule.veto().isPresent()) {
            for (String name : Template.members(rule.reasonTemplate())) {
                Optional<Method> method = Members.method(type, name, false);
                Optional<Field> field = method.isPresent() ? Optional.empty() : Members.field(type, name, false);
                if (method.isEmpty() && field.isEmpty()) {
                    return missing(type, "method " + name + "() or field " + name + " for {" + name + "} in the reason");
                }
                values.put(name, method.isPresent() ? method.get() : field.get());
            }
        }
        Binding binding = new Binding(veto, cleanup, values);
        String closed = binding.makeAccessible(type, open);
        return closed == null ? new Result(binding, null) : new Result(null, closed);
    }

    /** @return whether {@code object} vetoes now @throws IllegalStateException if the method throws */
    boolean vetoes(Object object) {
        return veto != null && Boolean.TRUE.equals(call(veto, object));
    }

    /** @return the value of {@code {name}} for {@code object}, as text */
    String value(Object object, String name) {
        AccessibleObject member = values.get(name);
        Object value = member instanceof Field f ? read(f, object) : call((Method) member, object);
        return String.valueOf(value);
    }

    /** Runs the cleanup method on {@code object}, if the rule has one. */
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

    private Iterable<AccessibleObject> all() {
        java.util.List<AccessibleObject> all = new java.util.ArrayList<>(values.values());
        if (veto != null) {
            all.add(veto);
        }
        if (cleanup != null) {
            all.add(cleanup);
        }
        return all;
    }

    private static Result missing(Class<?> type, String what) {
        return new Result(null, "class " + type.getName() + " has no " + what + "; it has: "
                + Members.noArgMethods(type, false) + " (fields: " + Members.fields(type, false) + ")");
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
