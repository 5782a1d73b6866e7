package dev.endsession.agent.rules;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where a rule's objects come from: tracked instances, or a static accessor. */
interface Source {

    /** @return the rule's objects alive now */
    List<Object> objects();

    /**
     * The rule's class was loaded (or found loaded): resolve what can be resolved now.
     *
     * @return null if fine, else one sentence saying what is missing and what was found instead
     */
    String loaded(Class<?> type, Consumer<Class<?>> open);

    /**
     * @param loaded the rule's class, which {@link #loaded} accepted
     * @return the class of the objects, if known before they exist; null if only known at run time
     */
    Class<?> objectType(Class<?> loaded);

    /** The live instances of a tracked class, as its woven constructors reported them. */
    record ForTracked(Registry registry, String className) implements Source {
        @Override
        public List<Object> objects() {
            return registry.live(className);
        }

        @Override
        public String loaded(Class<?> type, Consumer<Class<?>> open) {
            return Fit.tracked(Shape.of(type)).orElse(null);
        }

        @Override
        public Class<?> objectType(Class<?> loaded) {
            return loaded;
        }
    }

    /** What a static method or field returns: an object, or an array, {@code Iterable} or {@code Optional} of them. */
    final class ForAccessor implements Source {
        private final Rule.Accessor accessor;
        private volatile Member member;

        ForAccessor(Rule.Accessor accessor) {
            this.accessor = accessor;
        }

        @Override
        public String loaded(Class<?> type, Consumer<Class<?>> open) {
            Optional<String> missing = Fit.accessor(accessor, Shape.of(type));
            if (missing.isPresent()) {
                return missing.get();
            }
            Optional<? extends Member> found = accessor.method()
                    ? Members.method(type, accessor.member(), true) : Members.field(type, accessor.member(), true);
            if (found.isEmpty()) {
                return "class " + type.getName() + " has no static " + accessor + " the agent can call";
            }
            var object = (java.lang.reflect.AccessibleObject) found.get();
            if (!Members.open(object)) {
                open.accept(type);
                if (!Members.open(object)) {
                    return "class " + type.getName() + " does not open its package to the agent";
                }
            }
            member = found.get();
            return null;
        }

        @Override
        public Class<?> objectType(Class<?> loaded) {
            Member current = member;
            Class<?> type = current instanceof Method m ? m.getReturnType() : current instanceof Field f ? f.getType() : null;
            boolean container = type == null || type == Object.class || type.isArray() || type.isPrimitive()
                    || Iterable.class.isAssignableFrom(type) || type == Optional.class;
            return container ? null : type;
        }

        @Override
        public List<Object> objects() {
            Member current = member;
            if (current == null) {
                return List.of();
            }
            Object result;
            try {
                result = current instanceof Method m ? m.invoke(null) : ((Field) current).get(null);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(accessor + " threw " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e.toString(), e);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return flatten(result);
                } catch (java.util.ConcurrentModificationException e) {
                    if (attempt == 3) { // the app keeps changing its collection while we read it
                        throw e;
                    }
                }
            }
        }

        private static List<Object> flatten(Object result) {
            List<Object> all = new ArrayList<>();
            if (result instanceof Optional<?> optional) {
                if (optional.isPresent()) {
                    all.add(optional.get());
                }
            } else if (result instanceof Iterable<?> many) {
                for (Object object : many) {
                    all.add(object);
                }
            } else if (result != null && result.getClass().isArray() && !result.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(result); i++) {
                    all.add(Array.get(result, i));
                }
            } else if (result != null) {
                all.add(result);
            }
            while (all.remove(null)) {
                // an app's collection may hold nulls: not objects to ask
            }
            return all;
        }
    }
}
