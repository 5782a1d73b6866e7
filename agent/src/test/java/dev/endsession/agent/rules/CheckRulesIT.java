package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar endsession-agent.jar check-rules FILE --class-path CP} on real application jars
 * (issue 12 item 2): every problem with its line, "did you mean" ranked by closeness with the
 * class's own members first, nothing of the application loaded, exit 2 on any problem and 0 when clean.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CheckRulesIT {

    @TempDir
    Path dir;

    Path rules(String... lines) throws IOException {
        return Files.write(dir.resolve("app.rules"), List.of(lines));
    }

    /** The notes app's classes as the jar a user would have. */
    Path notesJar() throws IOException {
        Path classes = NotesApp.classes();
        if (Files.isRegularFile(classes)) {
            return classes;
        }
        Path jar = dir.resolve("notes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
            }
        }
        return jar;
    }

    @Test
    void everyProblemIsOneLineWithItsLineAndTheExitIsTwo() throws Exception {
        Path rules = rules(
                "[typo-class]", "track = com.acme.notes.Nte", "veto = isDirty",
                "[typos]", "track = com.acme.notes.Note", "veto = isDirty", "reason = Unsaved {filename}", "cleanup = sav",
                "[typo-accessor]", "accessor = com.acme.notes.Notes#workspaces()", "cleanup = saveAll",
                "[syntax]", "track com.acme.notes.Note",
                "[good]", "accessor = com.acme.notes.Notes#workspace()", "veto = hasUnsavedChanges", "cleanup = saveAll");
        AgentJar.Run run = AgentJar.run(dir, "check-rules", rules.toString(), "--class-path", notesJar().toString());
        assertEquals(2, run.exit(), run.output());
        assertEquals(List.of(
                rules + ":13: 'track com.acme.notes.Note' is not of the form key = value",
                rules + ":12: rule [syntax] is skipped because of the errors above",
                rules + ":2: rule [typo-class]: class com.acme.notes.Nte is not on the class path; package com.acme.notes: "
                        + "did you mean Note? It also has: Notes, Workspace",
                rules + ":7: rule [typos]: class com.acme.notes.Note has no method filename() or field filename for {filename} "
                        + "in the reason; it has: save(), title, dirty, getTitle(), isDirty(), text",
                rules + ":8: rule [typos]: class com.acme.notes.Note has no method sav(); did you mean save()? It also has: "
                        + "getTitle(), isDirty()",
                rules + ":10: rule [typo-accessor]: class com.acme.notes.Notes has no static method workspaces(); did you mean "
                        + "workspace()? It also has: WORKSPACE, DROPPED, collect()",
                rules + ": 6 problems."), run.output().lines().toList());
    }

    /** The class path as java -cp takes it: {@code lib/*} is every jar in lib. */
    @Test
    void aCleanFileExitsZero() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.copy(notesJar(), lib.resolve("notes.jar"));
        AgentJar.Run run = AgentJar.run(dir, "check-rules", RulesIT.NOTES_RULES.toString(), "--class-path", lib + "/*");
        assertEquals(0, run.exit(), run.output());
        assertEquals(RulesIT.NOTES_RULES + ": 1 rule, no problem.", run.output().strip());
    }

    /** Issue 12 item 2: a JFrame subclass listed 253 inherited members alphabetically and never its own isDirty. */
    @Test
    void aJFrameSubclassGetsItsOwnMethodSuggestedFirstAndNothingOfTheAppIsLoaded() throws Exception {
        Path app = dir.resolve("editor.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            for (Class<?> type : List.of(SuggestionsTest.Editor.class, LoudClass.class)) {
                String resource = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(resource));
                try (var in = type.getClassLoader().getResourceAsStream(resource)) {
                    in.transferTo(out);
                }
            }
        }
        Path rules = rules("[editor]", "track = " + SuggestionsTest.Editor.class.getName(), "veto = isDrity", "cleanup = dispose",
                "[loud]", "track = " + LoudClass.class.getName(), "cleanup = close");
        Path loaded = dir.resolve("loaded.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class",
                "-D" + LoudClass.MARK + "=" + loaded, "-jar", TestJvm.agentJar().toString(), "check-rules", rules.toString(),
                "--class-path", app.toString());
        Path output = dir.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "check-rules still runs");
        String out = Files.readString(output);
        assertEquals(2, process.exitValue(), out);
        String editor = SuggestionsTest.Editor.class.getName();
        assertTrue(out.contains(rules + ":3: rule [editor]: class " + editor + " has no method isDrity(); did you mean isDirty()? "
                + "It also has: getFileName(), "), out);
        String line = out.lines().filter(l -> l.contains("isDrity")).findFirst().orElseThrow();
        assertTrue(line.endsWith(" in all)") && line.length() < 400, "a short line, not 253 members: " + line);
        assertFalse(Files.exists(loaded), "a static initializer of the app ran");
        assertFalse(out.contains("[class,load] " + editor), "the app's class was loaded: " + out);
        assertFalse(out.contains("[class,load] javax.swing.JFrame "), "JFrame was read, not loaded");
    }

    /** Leaves a mark when it is initialized: check-rules must never get that far. */
    public static final class LoudClass implements AutoCloseable {
        static final String MARK = "endsession.test.loaded";

        static {
            try (OutputStream out = Files.newOutputStream(Path.of(System.getProperty(MARK)))) {
                out.write('!');
            } catch (IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @Override
        public void close() {
        }
    }
}
