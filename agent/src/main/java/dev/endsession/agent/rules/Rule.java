package dev.endsession.agent.rules;

import java.util.Map;
import java.util.Optional;

/**
 * One rule of a rules file: which objects (the live instances of {@code track}, or what the static
 * {@code accessor} returns), when they veto, why, and what to call on them at the end. Immutable.
 *
 * @param name the rule's name, from its {@code [name]} header
 * @param source where it was written, {@code file:line}, for error messages
 * @param track the class whose live instances are tracked, if tracking
 * @param accessor the static method or field that returns the objects, if not tracking
 * @param veto a no-arg boolean method: veto while it returns true on any object
 * @param reason the reason template, e.g. {@code Unsaved changes in {getTitle}}
 * @param cleanup a no-arg method called on every object at the end
 * @param order lower is asked first; cleanups run highest first
 * @param lines where each key was written, {@code file:line}, by key
 */
public record Rule(String name, String source, Optional<String> track, Optional<Accessor> accessor,
        Optional<String> veto, Optional<String> reason, Optional<String> cleanup, int order, Map<String, String> lines) {

    /**
     * A static member that returns the rule's object(s): {@code com.acme.App#instance()} (a method)
     * or {@code com.acme.App#INSTANCE} (a field).
     *
     * @param className the declaring class
     * @param member the method or field name
     * @param method {@code true} for a method
     */
    public record Accessor(String className, String member, boolean method) {
        @Override
        public String toString() {
            return className + "#" + member + (method ? "()" : "");
        }
    }

    /** @return the class the rule is about: the tracked class or the accessor's class */
    public String className() {
        return track.isPresent() ? track.get() : accessor.orElseThrow().className();
    }

    /** @return the reason template, or a default naming the rule and its veto method */
    public String reasonTemplate() {
        return reason.isPresent() ? reason.get() : name + ": " + (veto.isPresent() ? veto.get() + "()" : "veto") + " is true";
    }

    /** @return {@code "[name] (file:line)"}, how errors refer to the rule */
    public String label() {
        return "[" + name + "] (" + source + ")";
    }

    /** @param key a key of the rule, e.g. {@code veto} @return {@code "[name] (file:line)"} with the key's line */
    public String label(String key) {
        return "[" + name + "] (" + where(key) + ")";
    }

    /** @param key a key of the rule @return {@code file:line} where it was written, else the rule's header */
    public String where(String key) {
        return lines.getOrDefault(key, source);
    }

    /** @return {@code "[name] (file:line)"} with the line of the key that names the rule's class ({@code track} or {@code accessor}) */
    public String classLabel() {
        return label(track.isPresent() ? "track" : "accessor");
    }
}
