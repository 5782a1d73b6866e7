package dev.endsession.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppIdTest {

    @Test
    void theOptionWins() {
        assertEquals("org.example.Notes", AppId.of("org.example.Notes", "notes.jar", Map.of("FLATPAK_ID", "org.other.App")));
    }

    @Test
    void thenTheSandboxsId() {
        assertEquals("org.other.App", AppId.of("", "notes.jar", Map.of("FLATPAK_ID", "org.other.App")));
    }

    @Test
    void thenTheDesktopFileGLibLaunched() {
        assertEquals("org.example.Notes", AppId.of("", "notes.jar",
                Map.of("GIO_LAUNCHED_DESKTOP_FILE", "/usr/share/applications/org.example.Notes.desktop")));
    }

    @Test
    void elseTheName() {
        assertEquals("notes.jar", AppId.of("", "notes.jar", Map.of()));
    }
}
