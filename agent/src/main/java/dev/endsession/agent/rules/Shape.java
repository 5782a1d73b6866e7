package dev.endsession.agent.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A class as rules see it: its methods and fields, its own and inherited, each with how far up it
 * is declared, whether read by reflection from a loaded class ({@link #of(Class)}) or from class
 * files without loading anything ({@link ClassFiles}). What a rule needs and what it may suggest
 * instead is decided on this one form ({@link Fit}), so the agent and {@code check-rules} agree.
 *
 * @param name the class's binary name, e.g. {@code com.acme.notes.Note}
 * @param isInterface whether it is an interface
 * @param members every method and field, the most derived first, without those of {@code Object}
 * @param supertypes every superclass and interface, by name (without {@code java.lang.Object})
 * @param unknownSupertypes supertypes that could not be read (class files only: an incomplete class path)
 */
record Shape(String name, boolean isInterface, List<Member> members, Set<String> supertypes, List<String> unknownSupertypes) {

    /**
     * A method or field.
     *
     * @param name its name
     * @param method {@code true} for a method
     * @param noArgs a method without parameters (always true for a field)
     * @param isStatic static
     * @param type the return type or the field's type, as Java writes it ({@code boolean}, {@code java.lang.String})
     * @param depth 0 if the class itself declares it, 1 for its superclass, and so on; interfaces after all classes
     */
    record Member(String name, boolean method, boolean noArgs, boolean isStatic, String type, int depth) {
        /** @return {@code isDirty()} for a method, {@code dirty} for a field */
        String shown() {
            return method ? name + "()" : name;
        }
    }

    /** @return the first no-arg method (or field) of that name and static-ness, the most derived first; null if none */
    Member find(String wanted, boolean method, boolean isStatic) {
        for (Member m : members) {
            if (m.method() == method && m.noArgs() && m.isStatic() == isStatic && m.name().equals(wanted)) {
                return m;
            }
        }
        return null;
    }

    /** @return the simple name, for messages */
    String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** @param type a loaded class @return its shape, by reflection */
    static Shape of(Class<?> type) {
        List<Member> members = new ArrayList<>();
        Set<String> supertypes = new HashSet<>();
        int depth = 0;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass(), depth++) {
            if (c != type) {
                supertypes.add(c.getName());
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isSynthetic() && !m.isBridge()) {
                    members.add(new Member(m.getName(), true, m.getParameterCount() == 0, Modifier.isStatic(m.getModifiers()),
                            m.getReturnType().getTypeName(), depth));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (!f.isSynthetic()) {
                    members.add(new Member(f.getName(), false, true, Modifier.isStatic(f.getModifiers()), f.getType().getTypeName(), depth));
                }
            }
        }
        for (Method m : type.getMethods()) { // interface methods, defaults included
            if (m.getDeclaringClass().isInterface() && !Modifier.isStatic(m.getModifiers())) {
                members.add(new Member(m.getName(), true, m.getParameterCount() == 0, false, m.getReturnType().getTypeName(), depth));
            }
        }
        addInterfaces(type, supertypes);
        return new Shape(type.getName(), type.isInterface(), List.copyOf(members), Set.copyOf(supertypes), List.of());
    }

    private static void addInterfaces(Class<?> type, Set<String> into) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (into.add(i.getName())) {
                    addInterfaces(i, into);
                }
            }
        }
    }
}
