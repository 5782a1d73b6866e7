package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RulesFileTest {

    static RulesFile.Parsed parse(String... lines) {
        return RulesFile.parse(List.of(lines), "app.rules");
    }

    static void assertOneError(RulesFile.Parsed parsed, String expected) {
        assertTrue(parsed.rules().isEmpty(), () -> "no rule expected: " + parsed.rules());
        assertTrue(parsed.errors().stream().anyMatch(e -> e.contains(expected)), () -> "expected '" + expected + "' in " + parsed.errors());
    }

    @Nested
    class ValidRules {

        @Test
        void aTrackingRuleHasEveryKeyItWasGiven() {
            RulesFile.Parsed parsed = parse(
                    "# notes", "", "[unsaved]", "track = com.acme.Note", "veto = isDirty()",
                    "reason = Unsaved # changes in {getTitle}", "cleanup = save", "order = -3");
            assertEquals(List.of(), parsed.errors());
            Rule rule = parsed.rules().get(0);
            assertEquals("unsaved", rule.name());
            assertEquals("app.rules:3", rule.source());
            assertEquals(Optional.of("com.acme.Note"), rule.track());
            assertEquals(Optional.of("isDirty"), rule.veto(), "() is optional and dropped");
            assertEquals("Unsaved # changes in {getTitle}", rule.reasonTemplate(), "# inside a value is text");
            assertEquals(Optional.of("save"), rule.cleanup());
            assertEquals(-3, rule.order());
            assertEquals("com.acme.Note", rule.className());
        }

        @Test
        void anAccessorRuleNamesAStaticMethodOrField() {
            RulesFile.Parsed parsed = parse("[a]", "accessor = com.acme.App#instance()", "cleanup = flush",
                    "[b]", "accessor = com.acme.App#INSTANCE", "veto = busy");
            assertEquals(List.of(), parsed.errors());
            assertEquals(new Rule.Accessor("com.acme.App", "instance", true), parsed.rules().get(0).accessor().orElseThrow());
            assertEquals(new Rule.Accessor("com.acme.App", "INSTANCE", false), parsed.rules().get(1).accessor().orElseThrow());
            assertEquals("com.acme.App", parsed.rules().get(1).className());
            assertEquals(0, parsed.rules().get(0).order(), "order 0 by default");
        }

        @Test
        void withoutAReasonTheVetoSaysWhichRuleAndMethod() {
            Rule rule = parse("[docs]", "track = a.Doc", "veto = isDirty").rules().get(0);
            assertEquals("docs: isDirty() is true", rule.reasonTemplate());
        }

        @Test
        void aMissingFileIsOneError() {
            RulesFile.Parsed parsed = RulesFile.read(Path.of("no/such/file.rules"));
            assertEquals(1, parsed.errors().size());
            assertTrue(parsed.errors().get(0).contains("no/such/file.rules cannot be read"), parsed.errors().get(0));
        }
    }

    @Nested
    class BadRules {

        @Test
        void aBadRuleIsSkippedAndTheNextOneKept() {
            RulesFile.Parsed parsed = parse("[bad]", "track = a.Doc", "vetoo = isDirty", "[good]", "track = a.Doc", "cleanup = save");
            assertEquals(List.of("good"), parsed.rules().stream().map(Rule::name).toList());
            assertTrue(parsed.errors().get(0).startsWith("app.rules:3: unknown key 'vetoo' (known: accessor, cleanup, order, reason, track, veto)"),
                    parsed.errors().get(0));
            assertTrue(parsed.errors().get(1).contains("rule [bad] is skipped"), parsed.errors().toString());
        }

        @Test
        void aRuleNeedsExactlyOneOfTrackAndAccessor() {
            assertOneError(parse("[r]", "veto = x"), "needs exactly one of 'track");
            assertOneError(parse("[r]", "track = a.B", "accessor = a.B#c()", "veto = x"), "needs exactly one of 'track");
        }

        @Test
        void aRuleThatWouldDoNothingIsRefused() {
            assertOneError(parse("[r]", "track = a.B"), "has neither veto nor cleanup");
        }

        @Test
        void malformedValuesAreNamed() {
            assertOneError(parse("[r]", "track = a.B c", "veto = x"), "track = 'a.B c', which is not a class name");
            assertOneError(parse("[r]", "accessor = a.B.instance()", "veto = x"), "not of the form com.acme.App#instance()");
            assertOneError(parse("[r]", "track = a.B", "veto = is dirty"), "veto = 'is dirty', which is not a method name");
            assertOneError(parse("[r]", "track = a.B", "veto = x", "order = first"), "order = 'first', which is not a whole number");
            assertOneError(parse("[r]", "track = a.B", "cleanup = x", "reason = why"), "has a reason but no veto");
        }

        @Test
        void linesOutsideARuleAndDuplicatesAreReported() {
            RulesFile.Parsed parsed = parse("track = a.B", "[r]", "track = a.B", "veto = x", "veto = y", "[s]", "track = a.C",
                    "cleanup = z", "[s]", "track = a.D", "cleanup = z");
            assertEquals(List.of("s"), parsed.rules().stream().map(Rule::name).toList());
            assertEquals("a.C", parsed.rules().get(0).className(), "the first [s] wins");
            String all = String.join("\n", parsed.errors());
            assertTrue(all.contains("app.rules:1: 'track = a.B' is outside any rule"), all);
            assertTrue(all.contains("app.rules:5: key 'veto' is given twice in [r]"), all);
            assertTrue(all.contains("app.rules:9: a rule named [s] already exists"), all);
        }
    }
}
