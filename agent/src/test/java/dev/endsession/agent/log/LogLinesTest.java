package dev.endsession.agent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class LogLinesTest {

    @TempDir
    Path dir;

    @Test
    void placeholdersTakeTheArgumentsInOrderAsSlf4jDoes() {
        assertEquals("a 1 and [x, y] then {}", LogLines.format("a {} and {} then {}", new Object[] {1, List.of("x", "y")}));
        assertEquals("arrays [1, 2]", LogLines.format("arrays {}", new Object[] {new Object[] {1, 2}}));
    }

    @Test
    void aThrowableLeftOverIsPrintedWithItsStackTrace() {
        String text = LogLines.format("failed: {}", new Object[] {"why", new IllegalStateException("boom")});
        assertTrue(text.startsWith("failed: why" + System.lineSeparator() + "java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("\tat "), text);
    }

    @Test
    void aFileIsAppendedToWithTimeAndPidAndItsDirectoriesAreMade() throws Exception {
        Path file = dir.resolve("a").resolve("b").resolve("app.log");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "an earlier run\n");
        LogLines lines = LogLines.toFile(file);
        lines.write(LoggerFactory.WARN, "endsession.core", "listener {} threw", new Object[] {"notes"});
        List<String> written = Files.readAllLines(file);
        assertEquals("an earlier run", written.get(0), "appended, not truncated");
        assertTrue(written.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* \\[" + ProcessHandle.current().pid()
                + "\\] \\[WARN\\] endsession.core - listener notes threw"), written.get(1));
    }

    @Test
    void theDefaultFileIsWhereEachOsKeepsAnAppsLogs() {
        assertEquals(Path.of("C:\\Users\\ana\\AppData\\Local", "endsession", "logs", "Notes_App.log"),
                LogFile.defaultFile("Windows 11", Map.of("LOCALAPPDATA", "C:\\Users\\ana\\AppData\\Local"), "C:\\Users\\ana", "Notes App"));
        assertEquals(Path.of("/home/ana/Library/Logs/endsession/notes.jar.log"),
                LogFile.defaultFile("Mac OS X", Map.of(), "/home/ana", "notes.jar"));
        assertEquals(Path.of("/run/state/endsession/logs/notes.log"),
                LogFile.defaultFile("Linux", Map.of("XDG_STATE_HOME", "/run/state"), "/home/ana", "notes"));
        assertEquals(Path.of("/home/ana/.local/state/endsession/logs/a_b.log"),
                LogFile.defaultFile("Linux", Map.of("XDG_STATE_HOME", "relative"), "/home/ana", "a/b"));
    }
}
