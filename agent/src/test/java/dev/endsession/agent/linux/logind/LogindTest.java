package dev.endsession.agent.linux.logind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogindTest {

    @Test
    void cleanupsGetTheExitBudgetButEndBeforeLogindsLimit() {
        assertEquals(Duration.ofSeconds(2), Logind.budget(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        assertEquals(Duration.ofMillis(4750), Logind.budget(Duration.ofSeconds(30), Duration.ofSeconds(5)));
        assertEquals(Duration.ofMillis(100), Logind.budget(Duration.ofSeconds(30), Duration.ofMillis(200)));
    }
}
