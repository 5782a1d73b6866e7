package dev.endsession.agent.rules;

/**
 * Java names as rules write them. Plain character checks, not regular expressions: this runs at
 * the agent's start, where every class loaded counts.
 */
final class Names {

    private Names() {
    }

    /** @return whether {@code text} is an identifier such as {@code isDirty} */
    static boolean isJavaName(String text) {
        if (text.isEmpty() || !Character.isJavaIdentifierStart(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (!Character.isJavaIdentifierPart(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether {@code text} is a class name such as {@code com.acme.Document} or {@code Outer$Inner} */
    static boolean isClassName(String text) {
        int start = 0;
        while (true) {
            int dot = text.indexOf('.', start);
            if (!isJavaName(dot < 0 ? text.substring(start) : text.substring(start, dot))) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** @return {@code isDirty} for {@code isDirty} or {@code isDirty()} */
    static String bare(String method) {
        return method.endsWith("()") ? method.substring(0, method.length() - 2).strip() : method;
    }

    /** @return the name in a {@code [name]} header line (letters, digits, {@code _ . -}), or null if it is none */
    static String header(String line) {
        if (line.length() < 3 || line.charAt(0) != '[' || line.charAt(line.length() - 1) != ']') {
            return null;
        }
        String name = line.substring(1, line.length() - 1).strip();
        if (name.isEmpty()) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != '-') {
                return null;
            }
        }
        return name;
    }
}
