package dev.endsession.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code logoff}/{@code shutdown}/{@code restart} against the real Windows, with Windows played by a recorder. */
class WindowsExitTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<String> sent = new ArrayList<>();

    int request(WindowsExit.Request request, String typed, WindowsExit.Sender windows) {
        return WindowsExit.request(request, new BufferedReader(new StringReader(typed)), new PrintWriter(out, true),
                new PrintWriter(err, true), windows);
    }

    WindowsExit.Sender recorder() {
        return (kind, force, forceIfHung) -> sent.add(kind + " force=" + force + " forceIfHung=" + forceIfHung);
    }

    @Test
    void onWindowsTheRealSessionIsEndedUnlessASimulatedBusIsNamed() {
        assertTrue(WindowsExit.applies(Map.of(), "Windows 11"));
        assertFalse(WindowsExit.applies(Map.of("ENDSESSION_BUS_DIR", "C:\\bus"), "Windows 11"));
        assertFalse(WindowsExit.applies(Map.of(), "Linux"));
    }

    @Test
    void withoutConfirmationNothingIsDone() {
        int code = request(new WindowsExit.Request(Reason.LOGOFF, false, false, false, false), "n\n", recorder());

        assertEquals(Cli.CANCELLED, code);
        assertTrue(out.toString().contains("log you off"), out.toString());
        assertTrue(err.toString().contains("--yes"), err.toString());
        assertEquals(List.of(), sent);
    }

    @Test
    void theBusOnlyOptionsAreRefusedInOneLine() {
        String line = WindowsExit.refusal(Set.of("--session", "--timeout", "--yes")).orElseThrow();

        assertEquals("--session, --timeout do not apply on Windows, which runs the round itself for your own session"
                + " (set ENDSESSION_BUS_DIR to use the simulated session bus)", line);
        assertEquals(Optional.empty(), WindowsExit.refusal(Set.of("--force", "--force-if-hung", "--json", "--yes")));
        assertTrue(WindowsExit.refusal(Set.of("--mode")).isPresent() && WindowsExit.refusal(Set.of("--on-block")).isPresent());
    }

    @Test
    void anAcceptedRequestIsExitZeroAndSaysItMayStillBeCancelled() {
        int code = request(new WindowsExit.Request(Reason.SHUTDOWN, true, false, true, false), "", recorder());

        assertEquals(Cli.ENDED, code);
        assertEquals(List.of("SHUTDOWN force=true forceIfHung=false"), sent);
        assertTrue(out.toString().startsWith("Windows accepted the shutdown") && out.toString().contains("may still cancel"),
                out.toString());
    }

    @Test
    void jsonGivesOneObjectOnStandardOutput() {
        int code = request(new WindowsExit.Request(Reason.RESTART, false, true, true, true), "", recorder());

        assertEquals(Cli.ENDED, code);
        assertEquals("{\"outcome\":\"accepted\",\"kind\":\"restart\",\"force\":false,\"forceIfHung\":true,\"error\":null}",
                out.toString().strip());
    }

    @Test
    void aRefusalIsExitThreeAndJsonSaysWhy() {
        int code = request(new WindowsExit.Request(Reason.LOGOFF, false, false, true, true), "", (kind, force, hung) -> {
            throw new IllegalStateException("Windows refused to end the session: ExitWindowsEx failed with error 5");
        });

        assertEquals(Cli.FAILURE, code);
        assertTrue(out.toString().startsWith("{\"outcome\":\"failed\",\"kind\":\"logoff\"") && out.toString().contains("error 5"),
                out.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
