package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules seen from the session bus, as a user's logoff sees them: the notes app (which has never
 * heard of EndSession) vetoes with its note's title while a note is dirty, saves at the end, and the
 * same after the agent was attached to it. The CLI runs in this JVM against a private bus directory.
 */
class RulesBusIT {

    @TempDir
    Path dir;

    Map<String, String> bus() {
        return Map.of("ENDSESSION_BUS_DIR", dir.resolve("bus").toString(), "ENDSESSION_SESSION", "default");
    }

    record Run(int code, String out, String err) {
    }

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(bus(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Starts the notes app in the private session; with the agent, waits until its endpoint listens. */
    NotesApp notes(String agentOptions, String... jvmOptions) {
        NotesApp app = NotesApp.start(dir.resolve("jvms"), bus(), agentOptions, jvmOptions);
        if (agentOptions != null) {
            awaitEndpoint(app);
        }
        return app;
    }

    /** The endpoint opens off the agent's start-up path: the app is on the bus once its socket exists. */
    void awaitEndpoint(NotesApp app) {
        Path socket = dir.resolve("bus").resolve("default").resolve(app.pid() + ".sock");
        app.await(() -> Files.exists(socket), "socket " + socket);
    }

    static List<String> saved(NotesApp app) {
        return RulesIT.saved(app);
    }

    /**
     * Issue 12 item 2: a typo in one member of a rule used to disable the whole rule (the logoff went
     * ahead, nothing saved). Now the veto still works, the wrong placeholder prints as written, and
     * each wrong part is one line with its own file:line.
     */
    @Test
    void aRuleKeepsEveryPartThatIsRight() throws IOException {
        Path rules = Files.write(dir.resolve("typos.rules"), List.of("[notes]", "track = com.acme.notes.Note", "veto = isDirty",
                "reason = Unsaved changes in {filename}", "cleanup = sav"));
        try (NotesApp app = notes("bridge=bus,name=notes,rules=" + rules)) {
            app.send("new a").send("edit a x");
            Run vetoed = cli("logoff", "--json");
            assertEquals(Cli.CANCELLED, vetoed.code(), vetoed.out() + vetoed.err());
            assertTrue(vetoed.out().contains("\"reason\":\"Unsaved changes in {filename?}\""), vetoed.out());
            app.jvm().awaitErrorLine("no method sav\\(\\)", NotesApp.WAIT); // checked on a thread of its own once the class loaded
            List<String> errors = app.jvm().stderr().lines().filter(l -> l.startsWith("[ERROR] endsession.rules - ")).toList();
            assertEquals(List.of(
                    "[ERROR] endsession.rules - Rule [notes] (" + rules + ":4): class com.acme.notes.Note has no method filename() "
                            + "or field filename for {filename} in the reason; it has: save(), title, dirty, getTitle(), isDirty(), text; "
                            + "the reason shows {filename?} there",
                    "[ERROR] endsession.rules - Rule [notes] (" + rules + ":5): class com.acme.notes.Note has no method sav(); "
                            + "did you mean save()? It also has: getTitle(), isDirty(); the rule calls no cleanup; its veto still works"),
                    errors, app.jvm().describe());
        }
    }

    @Test
    void aDirtyNoteVetoesTheLogoffWithItsTitleAndIsSavedWhenTheSessionEnds() {
        try (NotesApp app = notes("bridge=bus,name=notes,rules=" + RulesIT.NOTES_RULES)) {
            app.send("new todo.txt").send("edit todo.txt milk").send("new empty.txt");

            Run vetoed = cli("logoff", "--json");
            assertEquals(Cli.CANCELLED, vetoed.code(), vetoed.out() + vetoed.err());
            assertTrue(vetoed.out().contains("{\"pid\":" + app.pid() + ",\"name\":\"notes\",\"answer\":\"veto\","
                    + "\"reason\":\"Unsaved changes in todo.txt\""), vetoed.out());
            assertTrue(app.jvm().process().isAlive());
            assertEquals(List.of(), saved(app), "nothing saved on a cancelled logoff");

            app.send("save todo.txt");
            Run ended = cli("logoff", "--json");
            assertEquals(Cli.ENDED, ended.code(), ended.out() + ended.err());
            assertTrue(ended.out().contains("\"answer\":\"ok\""), ended.out());
            app.jvm().awaitExit(NotesApp.WAIT);
            // "save todo.txt" above, then the rule's cleanup on every live note at the end
            assertEquals(List.of("empty.txt", "todo.txt", "todo.txt"), saved(app).stream().sorted().toList(), app.jvm().describe());
        }
    }

    @Test
    void aDroppedDirtyNoteIsCollectedAndVetoesNoLonger() {
        try (NotesApp app = notes("bridge=bus,log=debug,rules=" + RulesIT.NOTES_RULES)) {
            app.send("new lost.txt").send("edit lost.txt draft").send("new kept.txt").send("drop lost.txt").send("gc");
            assertTrue(app.jvm().stdout().contains("collected 1 of 1"), "tracking kept it alive: " + app.jvm().describe());
            Run ended = cli("logoff", "--json");
            assertEquals(Cli.ENDED, ended.code(), ended.out() + ended.err());
            app.jvm().awaitExit(NotesApp.WAIT);
            assertEquals(List.of("kept.txt"), saved(app), app.jvm().describe());
            assertTrue(app.jvm().stderr().contains("Rule [unsaved-notes] (" + RulesIT.NOTES_RULES + ":9): 1 live objects"),
                    app.jvm().describe());
        }
    }

    @Test
    void afterAttachingAnAccessorRuleVetoesForNotesCreatedBeforeAndStatusShowsTheApp() throws Exception {
        Path rules = Files.write(dir.resolve("workspace.rules"), List.of("[workspace]",
                "accessor = com.acme.notes.Notes#workspace()", "veto = hasUnsavedChanges",
                "reason = {unsavedCount} unsaved notes", "cleanup = saveAll"));
        try (NotesApp app = notes(null)) {
            app.send("new a").send("edit a x").send("new b").send("edit b y");
            AgentJar.Run attach = attach(app, "bridge=bus,name=late,rules=" + rules);
            assertEquals(0, attach.exit(), attach.output());

            Run status = cli("status", "--json");
            assertTrue(status.out().contains("\"pid\":" + app.pid() + ",\"name\":\"late\""), status.out());
            Run vetoed = cli("logoff", "--json");
            assertEquals(Cli.CANCELLED, vetoed.code(), vetoed.out() + vetoed.err());
            assertTrue(vetoed.out().contains("\"answer\":\"veto\",\"reason\":\"2 unsaved notes\""), vetoed.out());

            Run forced = cli("logoff", "--on-block", "force", "--json");
            assertEquals(Cli.ENDED, forced.code(), forced.out() + forced.err());
            app.jvm().awaitExit(NotesApp.WAIT);
            assertEquals(List.of("a", "b"), saved(app), "saveAll ran at the end: " + app.jvm().describe());
        }
    }

    @Test
    void afterAttachingATrackingRuleVetoesForNewNotesOnly() throws Exception {
        try (NotesApp app = notes(null)) {
            app.send("new old.txt").send("edit old.txt x");
            AgentJar.Run attach = attach(app, "bridge=bus,rules=" + RulesIT.NOTES_RULES);
            assertEquals(0, attach.exit(), attach.output());
            app.send("new fresh.txt").send("edit fresh.txt y");
            Run vetoed = cli("logoff", "--json");
            assertEquals(Cli.CANCELLED, vetoed.code(), vetoed.out() + vetoed.err());
            assertTrue(vetoed.out().contains("\"reason\":\"Unsaved changes in fresh.txt\""),
                    "only the note made after the attach is seen: " + vetoed.out());
        }
    }

    @Test
    void theAppsSlowShutdownHookIsReportedWhenItExitsAfterTheLogoff() {
        try (NotesApp app = notes("bridge=bus,log=info", "-Dnotes.hook.ms=1500")) {
            Run ended = cli("logoff", "--json");
            assertEquals(Cli.ENDED, ended.code(), ended.out() + ended.err());
            app.jvm().awaitExit(NotesApp.WAIT);
            Matcher m = Pattern.compile("\\[WARN] endsession.hooks - Shutdown hook 'notes-flush' \\(com.acme.notes.Notes lambda\\) "
                    + "took (\\d+) ms: too slow").matcher(app.jvm().stderr());
            assertTrue(m.find(), app.jvm().describe());
            long ms = Long.parseLong(m.group(1));
            assertTrue(ms >= 1500 && ms < 15_000, "took " + ms);
            assertTrue(app.jvm().stderr().contains("The application's 1 shutdown hooks had all ended"), app.jvm().describe());
        }
    }

    @Test
    void aJvmThatExitsOnItsOwnGetsNoHookReport() {
        try (NotesApp app = notes("bridge=bus,log=info")) {
            app.terminate();
            assertFalse(app.jvm().stderr().contains("endsession.hooks"), app.jvm().describe());
        }
    }

    AgentJar.Run attach(NotesApp app, String options) throws IOException, InterruptedException {
        AgentJar.Run run = AgentJar.run(dir, "attach", Long.toString(app.pid()), options);
        if (run.exit() == 0) {
            awaitEndpoint(app);
        }
        return run;
    }
}
