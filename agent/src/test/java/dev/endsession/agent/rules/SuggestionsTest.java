package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** "Did you mean": ranked by closeness to the typo, the class's own members first (issue 12 item 2). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SuggestionsTest {

    /** An editor window: two members of its own among the hundreds a JFrame inherits. */
    static class Editor extends JFrame {
        private static final long serialVersionUID = 1L;
        private boolean dirty;

        boolean isDirty() {
            return dirty;
        }

        String getFileName() {
            return "notes.txt";
        }
    }

    static final Rule RULE = RuleListenerTest.rule("[editor]", "track = " + Editor.class.getName(), "veto = isDrity",
            "reason = Unsaved {filename}");

    @Test
    void aJFrameSubclassSuggestsItsOwnMethodFirst() {
        List<Fit.Problem> problems = Fit.members(RULE, Shape.of(Editor.class));
        assertTrue(problems.get(0).message().startsWith("class " + Editor.class.getName() + " has no method isDrity(); "
                + "did you mean isDirty()? It also has: getFileName(), "), problems.get(0).message());
        assertTrue(problems.get(0).message().endsWith(" in all)"), "not all of JFrame's members: " + problems.get(0).message());
        assertTrue(problems.get(0).message().length() < 400, problems.get(0).message());
    }

    @Test
    void aPlaceholderWithoutItsGetterPrefixFindsTheGetter() {
        List<Fit.Problem> problems = Fit.members(RULE, Shape.of(Editor.class));
        assertEquals("reason", problems.get(1).key());
        assertTrue(problems.get(1).message().contains("for {filename} in the reason; did you mean getFileName()?"),
                problems.get(1).message());
    }

    @Test
    void anInheritedMemberIsSuggestedWhenTheClassHasNoneClose() {
        Rule rule = RuleListenerTest.rule("[e]", "track = " + Editor.class.getName(), "cleanup = dispoze");
        assertTrue(Fit.members(rule, Shape.of(Editor.class)).get(0).message().contains("did you mean dispose()?"));
    }

    @Test
    void distanceCountsASwapOnceAndIgnoresCaseAndBeanPrefixes() {
        assertEquals(1, Suggestions.distance("isDrity", "isDirty"));
        assertEquals(1, Suggestions.distance("isdirty", "isDirty"));
        assertEquals(1, Suggestions.distance("filename", "getFileName"));
        assertEquals(1, Suggestions.distance("dirty", "isDirty"));
        assertTrue(Suggestions.distance("isModified", "isDirty") > 3);
    }

    @Test
    void farNamesGetNoDidYouMean() {
        List<Shape.Member> members = List.of(new Shape.Member("save", true, true, false, "void", 0));
        assertEquals("it has: save()", Suggestions.of("isModified", members));
    }
}
