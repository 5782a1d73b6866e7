package dev.endsession.agent.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A reason template: text with {@code {member}} placeholders, each replaced by the value of a no-arg
 * method or a field of the vetoing object, and {@code {count}}, the number of vetoing objects. A
 * brace that does not close a name is kept as it is; a placeholder the class has no member for
 * prints as written, with a question mark: {@code {filename?}}.
 */
final class Template {

    /** The placeholder for the number of vetoing objects. */
    static final String COUNT = "count";

    /** @param name a placeholder the class has no member for @return how it prints: {@code {name?}} */
    static String unknown(String name) {
        return "{" + name + "?}";
    }

    private Template() {
    }

    /** @return the member names the template reads, in order, without {@code count} */
    static List<String> members(String template) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                return names;
            }
            String name = template.substring(open + 1, close);
            if (Names.isJavaName(name)) {
                if (!name.equals(COUNT) && !names.contains(name)) {
                    names.add(name);
                }
                i = close + 1;
            } else {
                i = open + 1;
            }
        }
    }

    /** @return the template with each placeholder replaced by {@code values.apply(name)} */
    static String render(String template, Function<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String name = template.substring(open + 1, close);
            if (Names.isJavaName(name)) {
                out.append(template, i, open).append(values.apply(name));
            } else {
                out.append(template, i, open + 1);
                close = open; // keep the brace; go on after it
            }
            i = close + 1;
        }
        return out.toString();
    }
}
