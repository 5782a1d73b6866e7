package dev.endsession.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowsExitTest {

    @Test
    void onWindowsTheRealSessionIsEndedUnlessASimulatedBusIsNamed() {
        assertTrue(WindowsExit.applies(Map.of(), "Windows 11"));
        assertFalse(WindowsExit.applies(Map.of("ENDSESSION_BUS_DIR", "C:\\bus"), "Windows 11"));
        assertFalse(WindowsExit.applies(Map.of(), "Linux"));
    }

    @Test
    void withoutConfirmationNothingIsDone() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WindowsExit.request(Reason.LOGOFF, false, false, false, new BufferedReader(new StringReader("n\n")),
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Cli.CANCELLED, code);
        assertTrue(out.toString().contains("log you off"), out.toString());
        assertTrue(err.toString().contains("--yes"), err.toString());
    }
}
