package dev.endsession.agent.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a rule fits a class: the one place that decides what a rule's members must be and what
 * to say when one is not there. Each part is judged alone, so a rule keeps every part that is
 * right: a wrong cleanup leaves the veto, a wrong placeholder leaves the rest of the reason. Used
 * by the agent on loaded classes and by {@code check-rules} on class files ({@link Shape}).
 */
final class Fit {

    /** The keys a problem can be about. */
    static final String VETO = "veto";
    static final String REASON = "reason";
    static final String CLEANUP = "cleanup";

    /**
     * One part of a rule that does not fit.
     *
     * @param key the rules file's key it is about: {@code veto}, {@code reason} or {@code cleanup}
     * @param member the name the rule gave
     * @param message one sentence: what is missing and what the class has instead
     */
    record Problem(String key, String member, String message) {
    }

    private Fit() {
    }

    /** @return whether one of the problems is about {@code key} (then that part of the rule is not used) */
    static boolean about(List<Problem> problems, String key) {
        for (Problem problem : problems) {
            if (problem.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** @return what is wrong with the rule's veto, reason placeholders and cleanup on {@code type}; empty if nothing */
    static List<Problem> members(Rule rule, Shape type) {
        List<Problem> problems = new ArrayList<>();
        if (rule.veto().isPresent()) {
            String name = rule.veto().get();
            Shape.Member veto = type.find(name, true, false);
            if (veto == null) {
                problems.add(new Problem(VETO, name, missing(type, "method " + name + "()", name, methods(type, false))));
            } else if (!veto.type().equals("boolean") && !veto.type().equals("java.lang.Boolean")) {
                problems.add(new Problem(VETO, name, "method " + type.name() + "." + name + "() returns "
                        + simple(veto.type()) + ", not boolean; a veto needs a boolean method"));
            }
            for (String placeholder : Template.members(rule.reasonTemplate())) {
                if (type.find(placeholder, true, false) == null && type.find(placeholder, false, false) == null) {
                    problems.add(new Problem(REASON, placeholder, missing(type, "method " + placeholder + "() or field "
                            + placeholder + " for {" + placeholder + "} in the reason", placeholder, all(type))));
                }
            }
        }
        if (rule.cleanup().isPresent()) {
            String name = rule.cleanup().get();
            if (type.find(name, true, false) == null) {
                problems.add(new Problem(CLEANUP, name, missing(type, "method " + name + "()", name, methods(type, false))));
            }
        }
        return problems;
    }

    /** @return why a tracked class cannot be tracked, if it cannot */
    static Optional<String> tracked(Shape type) {
        return type.isInterface() ? Optional.of(type.name() + " is an interface: it has no constructor to track; name a class "
                + "that implements it, or use an accessor") : Optional.empty();
    }

    /** @return why the accessor is not on {@code type}, if it is not */
    static Optional<String> accessor(Rule.Accessor accessor, Shape type) {
        if (type.find(accessor.member(), accessor.method(), true) != null) {
            return Optional.empty();
        }
        String what = accessor.method() ? "method " + accessor.member() + "()" : "field " + accessor.member();
        List<Shape.Member> statics = new ArrayList<>();
        for (Shape.Member m : type.members()) {
            if (m.isStatic() && m.noArgs()) {
                statics.add(m);
            }
        }
        return Optional.of("class " + type.name() + " has no static " + what + "; " + Suggestions.of(accessor.member(), statics));
    }

    /**
     * @param accessor the accessor, found on its class
     * @param type its class
     * @return the class of the objects it returns, or null when they are only known at run time (an
     *     {@code Object}, an array, an {@code Iterable}, an {@code Optional}, a primitive)
     */
    static String objectType(Rule.Accessor accessor, Shape type) {
        Shape.Member member = type.find(accessor.member(), accessor.method(), true);
        String returned = member == null ? null : member.type();
        boolean container = returned == null || returned.equals("java.lang.Object") || returned.endsWith("[]")
                || !returned.contains(".") || returned.equals("java.util.Optional");
        return container ? null : returned;
    }

    private static String missing(Shape type, String what, String wanted, List<Shape.Member> candidates) {
        return "class " + type.name() + " has no " + what + "; " + Suggestions.of(wanted, candidates);
    }

    private static List<Shape.Member> methods(Shape type, boolean isStatic) {
        List<Shape.Member> methods = new ArrayList<>();
        for (Shape.Member m : type.members()) {
            if (m.method() && m.noArgs() && m.isStatic() == isStatic) {
                methods.add(m);
            }
        }
        return methods;
    }

    private static List<Shape.Member> all(Shape type) {
        List<Shape.Member> all = new ArrayList<>();
        for (Shape.Member m : type.members()) {
            if (m.noArgs() && !m.isStatic()) {
                all.add(m);
            }
        }
        return all;
    }

    private static String simple(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }
}
