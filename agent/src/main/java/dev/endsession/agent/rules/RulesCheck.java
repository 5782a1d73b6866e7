package dev.endsession.agent.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a rules file before it is deployed, against the application's class path read as class
 * files: loads nothing of the application, runs none of its code. Finds what the agent would report
 * at run time, each problem one line with its {@code file:line}, through the same {@link Fit}.
 */
public final class RulesCheck {

    private RulesCheck() {
    }

    /**
     * @param file the rules file
     * @param classPath the application's class path (entries separated by the path separator), or
     *     null to check the file's syntax only
     * @return one line per problem, {@code file:line: what is wrong; what it has instead}; empty if none
     */
    public static List<String> problems(Path file, String classPath) {
        RulesFile.Parsed parsed = RulesFile.read(file);
        List<String> problems = new ArrayList<>(parsed.errors());
        if (classPath == null) {
            return problems;
        }
        try (ClassFiles classes = new ClassFiles(classPath)) {
            for (Rule rule : parsed.rules()) {
                check(rule, classes, classPath, problems);
            }
        }
        return problems;
    }

    /** @return the number of rules the file has that parse, for the summary */
    public static int rules(Path file) {
        return RulesFile.read(file).rules().size();
    }

    private static void check(Rule rule, ClassFiles classes, String classPath, List<String> problems) {
        String where = rule.where(rule.track().isPresent() ? "track" : "accessor") + ": rule [" + rule.name() + "]: ";
        Optional<Shape> type = classes.shape(rule.className());
        if (type.isEmpty()) {
            problems.add(where + "class " + rule.className() + " is not on the class path; "
                    + ClassPathProbe.whatPackageHas(rule.className(), classPath));
            return;
        }
        if (rule.track().isPresent()) {
            Fit.tracked(type.get()).ifPresent(problem -> problems.add(where + problem));
            if (!incomplete(type.get(), where, problems)) {
                members(rule, type.get(), problems);
            }
            return;
        }
        Optional<String> missing = Fit.accessor(rule.accessor().orElseThrow(), type.get());
        if (missing.isPresent()) {
            problems.add(where + missing.get());
            return;
        }
        String returned = Fit.objectType(rule.accessor().get(), type.get());
        Optional<Shape> objects = returned == null ? Optional.empty() : classes.shape(returned);
        // Else the objects' class is known only at run time (an Object, a collection, an array...).
        if (objects.isPresent() && !objects.get().supertypes().contains("java.lang.Iterable")
                && !returned.equals("java.lang.Iterable") && !incomplete(objects.get(), where, problems)) {
            members(rule, objects.get(), problems);
        }
    }

    private static void members(Rule rule, Shape type, List<String> problems) {
        for (Fit.Problem problem : Fit.members(rule, type)) {
            problems.add(rule.where(problem.key()) + ": rule [" + rule.name() + "]: " + problem.message());
        }
    }

    /** @return whether a supertype is missing from the class path (then what it declares cannot be checked) */
    private static boolean incomplete(Shape type, String where, List<String> problems) {
        if (type.unknownSupertypes().isEmpty()) {
            return false;
        }
        problems.add(where + "class " + type.name() + " extends or implements " + String.join(", ", type.unknownSupertypes())
                + ", which is not on the class path; its members are not checked (add what the application's class path has)");
        return true;
    }
}
