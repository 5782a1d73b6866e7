package dev.endsession.agent.rules;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Finds, by reflection, the no-arg methods and the fields a rule names, in a class and its
 * superclasses (any visibility) and its interfaces: the objects the agent calls. Whether they are
 * there, and what to say when not, is {@link Fit}'s to decide.
 */
final class Members {

    private Members() {
    }

    /** @return the no-arg method {@code name} of {@code type}, most derived first, if any */
    static Optional<Method> method(Class<?> type, String name, boolean isStatic) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (fits(m, name, isStatic)) {
                    return Optional.of(m);
                }
            }
        }
        for (Method m : type.getMethods()) { // public ones, interface defaults included
            if (m.getDeclaringClass() != Object.class && fits(m, name, isStatic)) {
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

    /** Makes a member callable from the agent; false if its module does not allow it. */
    static boolean open(AccessibleObject member) {
        return member.trySetAccessible();
    }

    private static boolean fits(Method m, String name, boolean isStatic) {
        return m.getName().equals(name) && m.getParameterCount() == 0 && !m.isBridge()
                && Modifier.isStatic(m.getModifiers()) == isStatic;
    }
}
