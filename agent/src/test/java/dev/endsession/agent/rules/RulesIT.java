package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules in real JVMs, on the example notes app that has never heard of EndSession. */
class RulesIT {

    /** The rules file shipped beside the example app (so the documented one is the tested one). */
    static final Path NOTES_RULES = NotesApp.classes().getParent().getParent().resolve("notes.rules");

    @TempDir
    Path dir;

    Path rules(String... lines) throws IOException {
        return Files.write(Files.createTempFile(dir, "app", ".rules"), List.of(lines));
    }

    static List<String> saved(NotesApp app) {
        return app.jvm().stdoutLines().stream().filter(l -> l.startsWith("saved ")).map(l -> l.split(" ")[1]).toList();
    }

    @Nested
    class Tracking {

        @Test
        void everyLiveNoteIsSavedAtTheEndAndADroppedOneWasCollected() {
            try (NotesApp app = NotesApp.start(dir, "bridge=none,rules=" + NOTES_RULES)) {
                app.send("new a").send("edit a text").send("new b").send("new c").send("edit c gone").send("drop c").send("gc");
                assertTrue(app.jvm().stdout().contains("collected 1 of 1"), "the tracked note was not kept alive: " + app.jvm().describe());
                app.terminate();
                assertEquals(List.of("a", "b"), saved(app).stream().sorted().toList(), app.jvm().describe());
            }
        }

        @Test
        void withoutRulesByteBuddyIsNeverLoaded() {
            try (NotesApp app = NotesApp.start(dir, "bridge=none", "-verbose:class")) {
                app.send("new a").send("edit a x");
                app.terminate();
                assertTrue(app.jvm().stdout().contains("dev.endsession.agent.Agent"), "the log has the agent's classes");
                assertFalse(app.jvm().stdout().contains("net.bytebuddy"), app.jvm().stdout());
            }
        }

        @Test
        void accessorRulesAloneDoNotLoadByteBuddyEither() throws IOException {
            Path rules = rules("[workspace]", "accessor = com.acme.notes.Notes#workspace()", "cleanup = saveAll");
            try (NotesApp app = NotesApp.start(dir, "bridge=none,rules=" + rules, "-verbose:class")) {
                app.send("new a").send("edit a x");
                app.terminate();
                assertEquals(List.of("a"), saved(app));
                assertFalse(app.jvm().stdout().contains("net.bytebuddy"), app.jvm().stdout());
            }
        }

        @Test
        void aTrackingRuleLoadsByteBuddyOnceItsClassLoads() {
            try (NotesApp app = NotesApp.start(dir, "bridge=none,rules=" + NOTES_RULES, "-verbose:class")) {
                app.send("new a");
                assertTrue(app.jvm().stdout().contains("net.bytebuddy.jar.asm.ClassReader "), "the check above can fail: " + app.jvm().stdout());
            }
        }
    }

    @Nested
    class WrongRules {

        @Test
        void eachWrongRuleGetsOneClearLineAndTheAppAndTheGoodRulesWork() throws IOException {
            Path rules = rules(
                    "[typo-class]", "track = com.acme.notes.Nte", "veto = isDirty",
                    "[typo-method]", "track = com.acme.notes.Note", "veto = isModified",
                    "[typo-accessor]", "accessor = com.acme.notes.Notes#workspaces()", "cleanup = saveAll",
                    "[syntax]", "track com.acme.notes.Note",
                    "[good]", "accessor = com.acme.notes.Notes#workspace()", "cleanup = saveAll");
            try (NotesApp app = NotesApp.start(dir, "bridge=none,rules=" + rules)) {
                app.send("new a").send("edit a x");
                app.jvm().awaitLine("^ok 2 ", NotesApp.WAIT);
                String err = awaitStderr(app, "typo-method");
                assertLine(err, "Rule [typo-class] (" + rules + ":2): class com.acme.notes.Nte is not on the class path; "
                        + "package com.acme.notes: did you mean Note? It also has: Notes, Workspace.");
                assertLine(err, "Rule [typo-method] (" + rules + ":6): class com.acme.notes.Note has no method isModified(); "
                        + "it has: getTitle(), isDirty(), save(); the rule leaves these objects alone");
                assertLine(err, "Rule [typo-accessor] (" + rules + ":8): class com.acme.notes.Notes has no static method "
                        + "workspaces(); did you mean workspace()? It also has: WORKSPACE, DROPPED, collect(); the rule does nothing");
                assertLine(err, rules + ":11: 'track com.acme.notes.Note' is not of the form key = value");
                app.terminate();
                assertEquals(List.of("a"), saved(app), "the good rule still saves: " + app.jvm().describe());
            }
        }

        /** The class is checked on a thread of its own once it has loaded: wait for its line. */
        String awaitStderr(NotesApp app, String text) {
            app.await(() -> app.jvm().stderr().contains(text), "'" + text + "' on stderr");
            return app.jvm().stderr();
        }

        void assertLine(String err, String expected) {
            assertTrue(err.lines().anyMatch(l -> l.startsWith("[ERROR] endsession.rules - ") && l.contains(expected)),
                    () -> "no error line containing\n  " + expected + "\nin\n" + err);
        }
    }

    @Nested
    class Attach {

        @Test
        void aTrackingRuleSeesTheObjectsCreatedAfterTheAttachAndSaysSo() throws Exception {
            try (NotesApp app = NotesApp.start(dir, null)) {
                app.send("new old").send("edit old x");
                AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(app.pid()), "bridge=none", "rules=" + NOTES_RULES);
                assertEquals(0, run.exit(), run.output());
                assertTrue(run.output().contains("Rule [unsaved-notes] tracks com.acme.notes.Note: objects created before this "
                        + "attach are not seen, only new ones."), run.output());
                assertTrue(run.output().contains("EndSession agent loaded into pid " + app.pid() + " (com.acme.notes.Notes)"), run.output());
                app.send("new fresh").send("edit fresh y");
                app.terminate();
                assertEquals(List.of("fresh"), saved(app), app.jvm().describe());
            }
        }

        @Test
        void anAccessorRuleReachesTheObjectsCreatedBeforeTheAttach() throws Exception {
            Path rules = rules("[workspace]", "accessor = com.acme.notes.Notes#workspace()", "veto = hasUnsavedChanges",
                    "reason = {unsavedCount} unsaved notes", "cleanup = saveAll");
            try (NotesApp app = NotesApp.start(dir, null)) {
                app.send("new old").send("edit old x").send("new clean");
                AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(app.pid()), "bridge=none,rules=" + rules);
                assertEquals(0, run.exit(), run.output());
                assertTrue(run.output().contains("reaches its objects through com.acme.notes.Notes#workspace(), old and new alike"),
                        run.output());
                app.terminate();
                assertEquals(List.of("old"), saved(app), "saveAll saves the dirty one: " + app.jvm().describe());
            }
        }

        @Test
        void attachingTwiceIsHarmless() throws Exception {
            try (NotesApp app = NotesApp.start(dir, null)) {
                for (int i = 0; i < 2; i++) {
                    AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(app.pid()), "bridge=none,rules=" + NOTES_RULES);
                    assertEquals(0, run.exit(), run.output());
                    assertEquals(i == 1, run.output().contains("The EndSession agent already runs in pid " + app.pid()
                            + " with these options; nothing to do."), run.output());
                }
                app.send("new a").send("edit a x");
                app.terminate();
                assertEquals(List.of("a"), saved(app), "one rule, one cleanup: " + app.jvm().describe());
            }
        }

        @Test
        void attachingToAJvmStartedWithTheAgentSaysItKeepsItsOptions() throws Exception {
            try (NotesApp app = NotesApp.start(dir, "bridge=none")) {
                AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(app.pid()), "rules=" + NOTES_RULES);
                assertEquals(3, run.exit(), run.output());
                assertEquals("The EndSession agent already runs in pid " + app.pid() + " with the options it started with "
                        + "(bridge=none) and keeps them: rules=" + NOTES_RULES.toAbsolutePath().normalize() + " not applied. "
                        + "Restart the application to change them.", run.output().strip());
            }
        }

        @Test
        void reattachingWithOtherOptionsSaysPlainlyThatTheFirstOnesStay() throws Exception {
            try (NotesApp app = NotesApp.start(dir, null)) {
                AgentJar.Run first = AgentJar.run(dir, "attach", Long.toString(app.pid()), "bridge=none");
                assertEquals(0, first.exit(), first.output());
                AgentJar.Run again = AgentJar.run(dir, "attach", Long.toString(app.pid()), "bridge=none", "rules=" + NOTES_RULES);
                assertEquals(3, again.exit(), again.output());
                assertTrue(again.output().contains("The EndSession agent already runs in pid " + app.pid() + " with the options "
                        + "it started with (bridge=none) and keeps them: bridge=none,rules="), again.output());
                app.send("new a").send("edit a x");
                app.terminate();
                assertEquals(List.of(), saved(app), "the second attach's rules did not apply: " + app.jvm().describe());
            }
        }

        @Test
        void anUnreadableRulesFileIsBadInputAndNothingIsAttached() throws Exception {
            try (NotesApp app = NotesApp.start(dir, null)) {
                AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(app.pid()), "rules=no-such.rules");
                assertEquals(2, run.exit(), run.output());
                assertTrue(run.output().startsWith("The rules file " + dir.resolve("no-such.rules") + " cannot be read."), run.output());
                app.send("new a").send("edit a x");
                app.terminate();
                assertEquals(List.of(), saved(app), "no agent, no cleanup: " + app.jvm().describe());
            }
        }

        @Test
        void aPidThatIsNoJvmIsAFailureWithTheReason() throws Exception {
            AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(Long.MAX_VALUE / 2), "bridge=none");
            assertEquals(3, run.exit(), run.output());
            assertEquals("Refusing to attach: pid " + Long.MAX_VALUE / 2 + " is not running. It was not signalled.", run.output().strip());
        }
    }
}
