package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.core.Coordinator;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.ListenerAnswer;
import dev.endsession.agent.core.Policy;
import dev.endsession.agent.core.QueryReport;
import dev.endsession.agent.rules.Fixtures.App;
import dev.endsession.agent.rules.Fixtures.Doc;
import dev.endsession.agent.rules.Fixtures.Letter;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleListenerTest {

    static final Set<Reason> LOGOFF = EnumSet.of(Reason.LOGOFF);
    static final String DOC = Doc.class.getName();

    final List<String> journal = new CopyOnWriteArrayList<>();
    final Registry registry = new Registry(Set.of(DOC));
    final Coordinator coordinator = new Coordinator(Policy.defaults().withListenerBudget(Duration.ofSeconds(10)));

    @AfterEach
    void clearApp() {
        App.OPEN.clear();
        App.current = null;
    }

    static Rule rule(String... lines) {
        RulesFile.Parsed parsed = RulesFile.parse(List.of(lines), "t.rules");
        assertEquals(List.of(), parsed.errors());
        return parsed.rules().get(0);
    }

    RuleListener tracking(Rule rule) {
        RuleListener listener = new RuleListener(rule, new Source.ForTracked(registry, rule.className()), type -> { });
        coordinator.register(listener);
        return listener;
    }

    RuleListener accessing(Rule rule, Class<?> owner) {
        RuleListener listener = new RuleListener(rule, new Source.ForAccessor(rule.accessor().orElseThrow()), type -> { });
        assertNull(listener.loaded(owner));
        coordinator.register(listener);
        return listener;
    }

    /** The registry holds what it tracks weakly, as in an app: the test keeps its documents alive, as the app would. */
    final List<Doc> open = new ArrayList<>();

    Doc doc(String title, boolean dirty) {
        Doc doc = new Doc(title, dirty, journal);
        open.add(doc);
        registry.accept(DOC, doc);
        return doc;
    }

    QueryReport query() {
        return coordinator.query(LOGOFF, Instant.now().plusSeconds(30), false);
    }

    @Nested
    class Veto {

        @Test
        void vetoesWhileAnyTrackedObjectIsDirtyWithItsReason() {
            tracking(rule("[docs]", "track = " + DOC, "veto = isDirty", "reason = Unsaved changes in {getTitle}"));
            doc("a.txt", false);
            Doc b = doc("b.txt", true);
            QueryReport report = query();
            assertTrue(report.vetoed());
            assertEquals(List.of("Unsaved changes in b.txt"), report.blockReasons());
            b.save();
            assertFalse(query().vetoed(), "nothing dirty any more");
        }

        @Test
        void eachDistinctReasonIsGivenOnceAndCountCountsTheVetoingObjects() {
            tracking(rule("[docs]", "track = " + DOC, "veto = isDirty", "reason = {count} unsaved, e.g. {title}"));
            doc("a", true);
            doc("a", true); // equal() to the other: still a second object
            new Letter("c", journal); // not reported: only what the registry was told counts
            QueryReport report = query();
            assertEquals(List.of("2 unsaved, e.g. a"), report.blockReasons(), "a field is read as well as a method");
        }

        @Test
        void anAccessorReachesObjectsInAnIterableAnOptionalOrAnArray() {
            App.OPEN.add(new Doc("x", true, journal));
            App.OPEN.add(new Letter("y", journal));
            accessing(rule("[open]", "accessor = " + App.class.getName() + "#open()", "veto = isDirty", "reason = {getTitle}"), App.class);
            assertEquals(List.of("x; y"), query().blockReasons(), "a subclass inherits the methods");
        }

        @Test
        void anAccessorMayReturnNothing() {
            accessing(rule("[maybe]", "accessor = " + App.class.getName() + "#maybe()", "veto = isDirty"), App.class);
            assertFalse(query().vetoed());
            App.current = new Doc("z", true, journal);
            assertEquals(List.of("maybe: isDirty() is true"), query().blockReasons());
        }

        @Test
        void anAccessorFieldIsRead() {
            App.OPEN.add(new Doc("f", true, journal));
            accessing(rule("[field]", "accessor = " + App.class.getName() + "#OPEN", "veto = isDirty", "reason = {title}"), App.class);
            assertEquals(List.of("f"), query().blockReasons());
        }
    }

    @Nested
    class Cleanup {

        @Test
        void everyLiveObjectIsCleanedUpOnce() {
            tracking(rule("[docs]", "track = " + DOC, "cleanup = save"));
            doc("a", true);
            doc("b", false);
            EndReport report = coordinator.end(LOGOFF, Instant.now().plusSeconds(30));
            assertEquals(List.of("rule docs"), report.finished());
            assertEquals(Set.of("saved a", "saved b"), Set.copyOf(journal));
            assertEquals(2, journal.size());
        }

        @Test
        void oneFailingCleanupDoesNotStopTheOthersAndTheRuleIsReportedFailed() {
            tracking(rule("[docs]", "track = " + DOC, "cleanup = explode"));
            Rule save = rule("[save]", "track = " + DOC, "cleanup = save");
            coordinator.register(new RuleListener(save, new Source.ForTracked(registry, DOC), type -> { }));
            doc("a", true);
            doc("b", true);
            EndReport report = coordinator.end(LOGOFF, Instant.now().plusSeconds(30));
            assertEquals(List.of("rule docs"), report.failed());
            assertEquals(List.of("rule save"), report.finished());
            assertEquals(2, journal.size(), "both saved: " + journal);
        }

        @Test
        void theAccessorsArraySeesEveryObject() {
            App.OPEN.add(new Doc("p", true, journal));
            App.OPEN.add(new Doc("q", true, journal));
            accessing(rule("[arr]", "accessor = " + App.class.getName() + "#asArray()", "cleanup = save", "order = 4"), App.class);
            coordinator.end(LOGOFF, Instant.now().plusSeconds(30));
            assertEquals(List.of("saved p", "saved q"), journal);
            assertEquals(4, new RuleListener(rule("[o]", "track = a.B", "cleanup = c", "order = 4"), null, t -> { }).order());
        }
    }

    @Nested
    class WrongRules {

        @Test
        void aMissingMethodIsNamedWithWhatTheClassHasInstead() {
            RuleListener listener = tracking(rule("[docs]", "track = " + DOC, "veto = isModified"));
            String error = listener.loaded(Doc.class);
            assertEquals("class " + DOC + " has no method isModified(); it has: isLocked(), getTitle(), hashCode(), isDirty(), "
                    + "explode(), label(), save()", error);
            doc("a", true);
            assertFalse(query().vetoed(), "a wrong rule vetoes nothing");
        }

        @Test
        void aWrongCleanupKeepsTheVeto() {
            RuleListener listener = tracking(rule("[docs]", "track = " + DOC, "veto = isDirty", "reason = Unsaved {getTitle}",
                    "cleanup = sav"));
            assertEquals("class " + DOC + " has no method sav(); did you mean save()? It also has: label(), getTitle(), "
                    + "hashCode(), isDirty(), explode(), isLocked()", listener.loaded(Doc.class));
            doc("a", true);
            QueryReport report = query();
            assertTrue(report.vetoed(), "the veto still works");
            assertEquals(List.of("Unsaved a"), report.blockReasons());
        }

        @Test
        void aWrongVetoKeepsTheCleanup() {
            RuleListener listener = tracking(rule("[docs]", "track = " + DOC, "veto = isDirt", "cleanup = save"));
            assertTrue(listener.loaded(Doc.class).startsWith("class " + DOC + " has no method isDirt(); did you mean isDirty()?"));
            doc("a", true);
            assertFalse(query().vetoed());
            coordinator.end(LOGOFF, Instant.now().plusSeconds(30));
            assertEquals(List.of("saved a"), journal, "the cleanup still runs");
        }

        @Test
        void aWrongPlaceholderPrintsAsWrittenWithAQuestionMark() {
            RuleListener listener = tracking(rule("[docs]", "track = " + DOC, "veto = isDirty",
                    "reason = Unsaved changes in {title} ({filename}), {count} of them"));
            assertTrue(listener.loaded(Doc.class).startsWith("class " + DOC + " has no method filename() or field filename "
                    + "for {filename} in the reason;"), listener.loaded(Doc.class));
            doc("a", true);
            assertEquals(List.of("Unsaved changes in a ({filename?}), 1 of them"), query().blockReasons());
        }

        @Test
        void anInterfaceCannotBeTracked() {
            String error = tracking(rule("[r]", "track = java.lang.Runnable", "cleanup = run")).loaded(Runnable.class);
            assertEquals("java.lang.Runnable is an interface: it has no constructor to track; name a class that implements it, "
                    + "or use an accessor", error);
        }

        @Test
        void aVetoMethodMustReturnBoolean() {
            String error = tracking(rule("[docs]", "track = " + DOC, "veto = label")).loaded(Doc.class);
            assertEquals("method " + DOC + ".label() returns String, not boolean; a veto needs a boolean method", error);
        }

        @Test
        void aReasonNamingNothingIsReported() {
            String error = tracking(rule("[docs]", "track = " + DOC, "veto = isDirty", "reason = {name}")).loaded(Doc.class);
            assertTrue(error.startsWith("class " + DOC + " has no method name() or field name for {name} in the reason;"), error);
        }

        @Test
        void aMissingAccessorIsNamedWithTheStaticMembersThereAre() {
            Rule rule = rule("[a]", "accessor = " + App.class.getName() + "#all()", "cleanup = save");
            String error = new RuleListener(rule, new Source.ForAccessor(rule.accessor().orElseThrow()), t -> { }).loaded(App.class);
            assertEquals("class " + App.class.getName() + " has no static method all(); it has: OPEN, maybe(), open(), asArray(), "
                    + "current", error);
        }

        @Test
        void aVetoMethodThatThrowsIsAFailureWithItsMessage() {
            tracking(rule("[docs]", "track = " + DOC, "veto = isLocked"));
            doc("a", true);
            QueryReport report = query();
            assertFalse(report.vetoed(), "a failure counts as allow by default");
            ListenerAnswer answer = report.answers().get(0);
            assertEquals(ListenerAnswer.Kind.FAILED, answer.kind());
            assertTrue(answer.reason().contains("Doc.isLocked() threw java.lang.IllegalStateException: disk full for a"), answer.reason());
        }
    }
}
