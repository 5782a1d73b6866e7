package dev.endsession.agent.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the no-arg methods and the fields a rule names, in a class and its superclasses (any
 * visibility) and its interfaces, and says what a class has when a name is missing.
 */
final class Members {

    private static final int LISTED = 25;

    private Members() {
    }

    /** @return the no-arg method {@code name} of {@code type}, most derived first, if any */
    static Optional<Method> method(Class<?> type, String name, boolean isStatic) {
        for (Method m : candidates(type)) {
            if (m.getName().equals(name) && m.getParameterCount() == 0 && !m.isBridge()
                    && Modifier.isStatic(m.getModifiers()) == isStatic) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** @return the field {@code name} of {@code type} or a superclass, if any */
    static Optional<Field> field(Class<?> type, String name, boolean isStatic) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && Modifier.isStatic(f.getModifiers()) == isStatic) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** @return e.g. {@code "isModified(), save(), title()"}: the no-arg methods a rule could name */
    static String noArgMethods(Class<?> type, boolean isStatic) {
        return list(candidates(type), m -> m.getParameterCount() == 0 && !m.isSynthetic()
                && Modifier.isStatic(m.getModifiers()) == isStatic, "()");
    }

    /** @return e.g. {@code "title, dirty"}: the fields a rule could name */
    static String fields(Class<?> type, boolean isStatic) {
        List<Member> all = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            all.addAll(List.of(c.getDeclaredFields()));
        }
        return list(all, f -> !f.isSynthetic() && Modifier.isStatic(f.getModifiers()) == isStatic, "");
    }

    /** Makes a member callable from the agent; false if its module does not allow it. */
    static boolean open(java.lang.reflect.AccessibleObject member) {
        return member.trySetAccessible();
    }

    private static List<Method> candidates(Class<?> type) {
        List<Method> all = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            all.addAll(List.of(c.getDeclaredMethods()));
        }
        for (Method m : type.getMethods()) { // public ones, interface defaults included
            if (m.getDeclaringClass() != Object.class) {
                all.add(m);
            }
        }
        return all;
    }

    private static <M extends Member> String list(List<? extends M> members, Predicate<M> wanted, String suffix) {
        TreeSet<String> names = new TreeSet<>();
        for (M m : members) {
            if (wanted.test(m) && !m.getName().contains("$")) {
                names.add(m.getName() + suffix);
            }
        }
        if (names.isEmpty()) {
            return "none";
        }
        List<String> shown = names.stream().limit(LISTED).toList();
        return String.join(", ", shown) + (names.size() > LISTED ? ", ... (" + names.size() + " in all)" : "");
    }
}
