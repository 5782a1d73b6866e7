package dev.endsession.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachOptionsTest {

    @Test
    void pathsAreMadeAbsoluteBecauseTheTargetHasItsOwnWorkingDirectory() {
        AttachOptions options = AttachOptions.of(List.of("rules=notes.rules,log=info", "plugins=lib/../plugins", "name=Notes"));
        Path rules = Path.of("notes.rules").toAbsolutePath();
        assertEquals("rules=" + rules + ",log=info,plugins=" + Path.of("plugins").toAbsolutePath() + ",name=Notes", options.text());
        assertEquals(rules, options.rules());
    }

    @Test
    void optionsWithoutPathsPassAsTheyAre() {
        AttachOptions options = AttachOptions.of(List.of("bridge=none", ",", "colour"));
        assertEquals("bridge=none,colour", options.text(), "a bad option is the agent's to report, in the target");
        assertNull(options.rules());
    }
}
