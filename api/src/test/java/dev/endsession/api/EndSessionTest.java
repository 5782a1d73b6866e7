package dev.endsession.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndSessionTest {

    @Test
    void withoutTheAgentEveryCallSaysHowToGetIt() {
        assertFalse(EndSession.isAgentPresent());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EndSession.logoff(false));
        assertTrue(e.getMessage().contains("-javaagent"), e.getMessage());
        assertThrows(IllegalStateException.class, EndSession::blockReasons);
    }
}
