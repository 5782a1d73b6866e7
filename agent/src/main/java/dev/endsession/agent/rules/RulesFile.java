package dev.endsession.agent.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rules file: {@code [name]} starts a rule, then {@code key = value} lines; {@code #} starts
 * a comment line. Keys: {@code track} or {@code accessor} (one of them), {@code veto}, {@code reason},
 * {@code cleanup}, {@code order}. A bad rule is reported (one line, with file and line) and skipped;
 * the others stay. See {@code docs/rules.md}.
 */
public final class RulesFile {

    static final Set<String> KEYS = Set.of("track", "accessor", "veto", "reason", "cleanup", "order");
    private static final String KNOWN = "accessor, cleanup, order, reason, track, veto";

    /**
     * @param rules the valid rules, in file order
     * @param errors one sentence per problem, ready to print
     */
    public record Parsed(List<Rule> rules, List<String> errors) {
    }

    private RulesFile() {
    }

    /** @param file the rules file @return its rules, or one error if it cannot be read */
    public static Parsed read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException | RuntimeException e) {
            return new Parsed(List.of(), List.of("rules file " + file + " cannot be read (" + e + "); no rules applied"));
        }
    }

    /** @param lines the file's lines @param source the file's name, for messages @return its rules and errors */
    public static Parsed parse(List<String> lines, String source) {
        List<Rule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Section section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = source + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String header = Names.header(line);
            if (header != null) {
                finish(section, rules, errors);
                section = new Section(header, where);
                if (!names.add(section.name)) {
                    errors.add(where + ": a rule named [" + section.name + "] already exists; this one is skipped");
                    section.broken = true;
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (section == null) {
                errors.add(where + ": '" + line + "' is outside any rule; start a rule with [name]");
            } else if (eq <= 0) {
                section.fail(errors, where + ": '" + line + "' is not of the form key = value");
            } else {
                String key = line.substring(0, eq).strip();
                if (!KEYS.contains(key)) {
                    section.fail(errors, where + ": unknown key '" + key + "' (known: " + KNOWN + ")");
                } else if (section.values.put(key, line.substring(eq + 1).strip()) != null) {
                    section.fail(errors, where + ": key '" + key + "' is given twice in [" + section.name + "]");
                } else {
                    section.lines.put(key, where);
                }
            }
        }
        finish(section, rules, errors);
        return new Parsed(List.copyOf(rules), List.copyOf(errors));
    }

    private static void finish(Section section, List<Rule> rules, List<String> errors) {
        if (section == null || section.broken) {
            if (section != null) {
                errors.add(section.where + ": rule [" + section.name + "] is skipped because of the errors above");
            }
            return;
        }
        String problem = section.problem();
        if (problem != null) {
            errors.add(section.where + ": rule [" + section.name + "] " + problem + "; skipped");
            return;
        }
        Map<String, String> v = section.values;
        String accessor = v.get("accessor");
        String veto = v.get("veto");
        String cleanup = v.get("cleanup");
        rules.add(new Rule(section.name, section.where, Optional.ofNullable(v.get("track")),
                Optional.ofNullable(accessor == null ? null : accessor(accessor)), Optional.ofNullable(veto == null ? null : Names.bare(veto)),
                Optional.ofNullable(v.get("reason")), Optional.ofNullable(cleanup == null ? null : Names.bare(cleanup)),
                Integer.parseInt(v.getOrDefault("order", "0")), Map.copyOf(section.lines)));
    }

    /** @return the accessor of {@code Class#member()} or {@code Class#FIELD}; null if malformed */
    static Rule.Accessor accessor(String text) {
        int hash = text.indexOf('#');
        if (hash <= 0) {
            return null;
        }
        String className = text.substring(0, hash).strip();
        String member = text.substring(hash + 1).strip();
        boolean method = member.endsWith("()");
        if (method) {
            member = member.substring(0, member.length() - 2).strip();
        }
        return Names.isClassName(className) && Names.isJavaName(member)
                ? new Rule.Accessor(className, member, method) : null;
    }

    private static boolean isWholeNumber(String text) {
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 9) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The lines of one rule, as read so far. */
    private static final class Section {
        final String name;
        final String where;
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> lines = new LinkedHashMap<>();
        boolean broken;

        Section(String name, String where) {
            this.name = name;
            this.where = where;
        }

        void fail(List<String> errors, String message) {
            errors.add(message);
            broken = true;
        }

        /** @return what is wrong with the rule as a whole, or null */
        String problem() {
            String track = values.get("track");
            String accessor = values.get("accessor");
            if ((track == null) == (accessor == null)) {
                return "needs exactly one of 'track = com.acme.Class' or 'accessor = com.acme.Class#method()'";
            }
            if (track != null && !Names.isClassName(track)) {
                return "has track = '" + track + "', which is not a class name such as com.acme.Document";
            }
            if (accessor != null && accessor(accessor) == null) {
                return "has accessor = '" + accessor + "', which is not of the form com.acme.App#instance() or com.acme.App#INSTANCE";
            }
            for (String key : new String[] {"veto", "cleanup"}) {
                String method = values.get(key);
                if (method != null && !Names.isJavaName(Names.bare(method))) {
                    return "has " + key + " = '" + method + "', which is not a method name such as isDirty";
                }
            }
            if (values.get("veto") == null && values.get("cleanup") == null) {
                return "has neither veto nor cleanup, so it would do nothing";
            }
            if (values.containsKey("reason") && values.get("veto") == null) {
                return "has a reason but no veto";
            }
            String order = values.get("order");
            if (order != null && !isWholeNumber(order)) {
                return "has order = '" + order + "', which is not a whole number";
            }
            return null;
        }
    }
}
