package dev.endsession.agent.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's option string, {@code key=value,key=value}, split the one way both {@link Boot} (before
 * the agent is loaded) and the agent's option parser read it. Stateless.
 */
public final class OptionText {

    /**
     * One non-blank part.
     *
     * @param key the key, stripped; empty if the part is not of the form {@code key=value}
     * @param value the value, stripped; the whole part, stripped, if it has no key
     */
    public record Part(String key, String value) {
    }

    private OptionText() {
    }

    /** @param text the option string, or {@code null} @return its non-blank parts, in order */
    public static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.add(new Part(part.substring(0, eq).strip(), part.substring(eq + 1).strip()));
            } else if (!part.isBlank()) {
                parts.add(new Part("", part.strip()));
            }
        }
        return parts;
    }
}
