package dev.endsession.agent.rules;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Tells, without loading anything, whether a class is on the application's class path, and if not,
 * which classes its package does have there: what a user needs to fix a misspelt rule.
 */
final class ClassPathProbe {

    private ClassPathProbe() {
    }

    /** @return whether {@code loader} can find the class file of {@code className} */
    static boolean exists(ClassLoader loader, String className) {
        return loader.getResource(className.replace('.', '/') + ".class") != null;
    }

    /**
     * @return e.g. {@code "package com.acme: did you mean Document? It also has: App"} or
     *     {@code "no class of package com.acme is on the class path"}
     */
    static String whatPackageHas(String className, String classPath) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        String dir = pkg.replace('.', '/');
        TreeSet<String> found = new TreeSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                found.addAll(list(Path.of(entry), dir));
            }
        }
        String name = pkg.isEmpty() ? "the unnamed package" : "package " + pkg;
        if (found.isEmpty()) {
            return "no class of " + name + " is on the class path";
        }
        List<Shape.Member> classes = new ArrayList<>();
        for (String simple : found) {
            classes.add(new Shape.Member(simple, false, true, true, "", 0));
        }
        return name + ": " + Suggestions.of(className.substring(dot + 1), classes).replace("it has: ", "it has ");
    }

    private static List<String> list(Path entry, String dir) {
        try {
            if (Files.isDirectory(entry)) {
                Path folder = entry.resolve(dir);
                if (!Files.isDirectory(folder)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.list(folder)) {
                    return files.map(f -> f.getFileName().toString()).filter(ClassPathProbe::topLevelClass)
                            .map(ClassPathProbe::simpleName).toList();
                }
            }
            if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    String prefix = dir.isEmpty() ? "" : dir + "/";
                    return jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                            .map(n -> n.substring(prefix.length())).filter(ClassPathProbe::topLevelClass)
                            .map(ClassPathProbe::simpleName).toList();
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable entry has nothing to show.
        }
        return List.of();
    }

    private static boolean topLevelClass(String file) {
        return file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class") && !file.equals("module-info.class");
    }

    private static String simpleName(String file) {
        return file.substring(0, file.length() - ".class".length());
    }
}
