package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.rules.Fixtures.App;
import dev.endsession.agent.rules.Fixtures.Doc;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Class files read without loading give the same verdicts, word for word, as reflection on the loaded class. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClassFilesTest {

    static String testClasses() throws URISyntaxException {
        return Path.of(ClassFilesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void theAgentAndCheckRulesSayTheSameAboutEveryPart() throws Exception {
        Rule rule = RuleListenerTest.rule("[docs]", "track = " + Doc.class.getName(), "veto = isDirt",
                "reason = {titel} and {count}", "cleanup = sav");
        try (ClassFiles files = new ClassFiles(testClasses())) {
            List<Fit.Problem> fromClassFiles = Fit.members(rule, files.shape(Doc.class.getName()).orElseThrow());
            assertEquals(Fit.members(rule, Shape.of(Doc.class)), fromClassFiles);
            assertEquals(3, fromClassFiles.size(), fromClassFiles.toString());
        }
    }

    @Test
    void aJdkSuperclassIsReadFromTheJdkAndAccessorsAgreeToo() throws Exception {
        Rule.Accessor accessor = new Rule.Accessor(App.class.getName(), "all", true);
        try (ClassFiles files = new ClassFiles(testClasses())) {
            assertEquals(Fit.accessor(accessor, Shape.of(App.class)), Fit.accessor(accessor, files.shape(App.class.getName()).orElseThrow()));
            Shape editor = files.shape(SuggestionsTest.Editor.class.getName()).orElseThrow();
            assertEquals(List.of(), editor.unknownSupertypes());
            assertTrue(editor.supertypes().contains("javax.swing.JFrame"), editor.supertypes().toString());
            assertEquals(Fit.members(SuggestionsTest.RULE, Shape.of(SuggestionsTest.Editor.class)), Fit.members(SuggestionsTest.RULE, editor));
        }
    }
}
