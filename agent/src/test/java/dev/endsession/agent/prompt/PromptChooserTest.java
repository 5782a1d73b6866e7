package dev.endsession.agent.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import dev.endsession.agent.config.AgentOptions.PromptMode;
import dev.endsession.agent.core.Prompts;
import dev.endsession.agent.prompt.PromptChooser.Kind;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PromptChooserTest {

    private static final BooleanSupplier HEADLESS = () -> true;
    private static final BooleanSupplier NOT_HEADLESS = () -> false;
    private static final BooleanSupplier MUST_NOT_ASK = () -> fail("AWT must not be consulted without a display");

    @Nested
    class Auto {
        @Test
        void picksSwingOnLinuxWithADisplay() {
            assertEquals(Kind.SWING, PromptChooser.decide(PromptMode.AUTO, Map.of("DISPLAY", ":99"), "Linux", NOT_HEADLESS, true));
        }

        @Test
        void picksTheConsoleWithoutDisplayButWithATerminal() {
            assertEquals(Kind.CONSOLE, PromptChooser.decide(PromptMode.AUTO, Map.of(), "Linux", MUST_NOT_ASK, true));
        }

        @Test
        void picksTheConsoleWhenAwtIsHeadlessDespiteDisplay() {
            assertEquals(Kind.CONSOLE, PromptChooser.decide(PromptMode.AUTO, Map.of("DISPLAY", ":0"), "Linux", HEADLESS, true));
        }

        @Test
        void picksNoneWithNeitherDisplayNorTerminal() {
            assertEquals(Kind.NONE, PromptChooser.decide(PromptMode.AUTO, Map.of("DISPLAY", " "), "Linux", MUST_NOT_ASK, false));
        }

        @Test
        void picksSwingOnWindowsUnlessHeadless() {
            assertEquals(Kind.SWING, PromptChooser.decide(PromptMode.AUTO, Map.of(), "Windows 11", NOT_HEADLESS, false));
            assertEquals(Kind.NONE, PromptChooser.decide(PromptMode.AUTO, Map.of(), "Windows 11", HEADLESS, false));
        }
    }

    @Test
    void anExplicitModeIsTakenAsIs() {
        assertEquals(Kind.SWING, PromptChooser.decide(PromptMode.SWING, Map.of(), "Linux", MUST_NOT_ASK, false));
        assertEquals(Kind.CONSOLE, PromptChooser.decide(PromptMode.CONSOLE, Map.of(), "Linux", MUST_NOT_ASK, false));
        assertEquals(Kind.NONE, PromptChooser.decide(PromptMode.NONE, Map.of("DISPLAY", ":0"), "Linux", MUST_NOT_ASK, true));
    }

    @Test
    void promptNoneIsTheDefaultAnsweringPrompt() {
        assertSame(Prompts.NONE, PromptChooser.choose(PromptMode.NONE, "notes"));
    }
}
