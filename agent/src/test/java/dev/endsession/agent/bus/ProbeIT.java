package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.JobControl;
import dev.endsession.agent.testing.PromptingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.Xvfb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status --probe}: who would block a logoff, and why, with real JVMs, without ending
 * anything: a vetoing app (whose listener would ask the user through the Swing prompt) is reported
 * with its reason, a frozen app as hung under its own name; no prompt appears, no cleanup runs,
 * every app that answered is told the round is cancelled, and every app still runs.
 */
@Timeout(120)
class ProbeIT {

    @TempDir
    Path dir;

    @Test
    void aVetoingAppIsReportedWithItsReasonAndNothingEnds() throws Exception {
        Xvfb.requireDisplay();
        try (BusSession session = new BusSession(dir)) {
            TestJvm notes = session.app("default", "name=notes,prompt=swing,log=debug", List.of(PromptingListener.class),
                    "-Dendsession.test.ask=60");
            TestJvm alpha = session.app("name=alpha");
            TestJvm frozen = session.app("name=frozen");
            JobControl.stop(frozen.pid());

            BusSession.Run run = session.cli("status", "--probe", "--json");

            assertEquals(Cli.CANCELLED, run.code(), run.out() + run.err());
            JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
            assertTrue(json.get("probe").getAsBoolean(), run.out());
            assertEquals("would-cancel", json.get("outcome").getAsString());
            assertEquals("default", json.get("session").getAsString());
            assertEquals(List.of("logoff"), strings(json.getAsJsonArray("reasons")));
            Map<Long, JsonObject> apps = byPid(json.getAsJsonArray("apps"));
            assertEquals(3, apps.size(), run.out());
            JsonObject vetoing = apps.get(notes.pid());
            assertEquals("notes", vetoing.get("name").getAsString());
            assertEquals("veto", vetoing.get("answer").getAsString());
            assertEquals(PromptingListener.REASON, vetoing.get("reason").getAsString());
            assertFalse(vetoing.get("terminated").getAsBoolean());
            assertEquals("ok", apps.get(alpha.pid()).get("answer").getAsString());
            JsonObject hung = apps.get(frozen.pid());
            assertEquals("hung", hung.get("answer").getAsString());
            assertEquals("frozen", hung.get("name").getAsString(), "a frozen app keeps its name");

            // No prompt: the question got its default at once, with interaction not allowed.
            notes.awaitLine("^answered CANCEL interaction=false$", BusSession.START);
            assertFalse(notes.stderr().contains("The prompt is on the screen"), notes.stderr());
            assertEquals(List.of(), Xvfb.windowsNamed("notes"), "no prompt window");
            // No cleanup, a cancel to those that answered, and everybody still runs.
            for (TestJvm app : List.of(notes, alpha)) {
                assertEquals(0, session.events("end", app).size(), "no cleanup in " + app.pid());
            }
            // notes has two listeners (the recording one and the asking one): each is told once.
            assertEquals(2, session.events("cancelled", notes).size(), "cancelled: " + notes.pid());
            assertEquals(1, session.events("cancelled", alpha).size(), "cancelled: " + alpha.pid());
            JobControl.resume(frozen.pid());
            for (TestJvm app : List.of(notes, alpha, frozen)) {
                assertTrue(app.process().isAlive(), "pid " + app.pid() + " still runs");
            }
            assertEquals(0, session.events("end", frozen).size());

            BusSession.Run text = session.cli("status", "--probe");
            assertEquals(Cli.CANCELLED, text.code(), text.out() + text.err());
            assertTrue(text.out().contains("A logoff now would be cancelled. Would block:\n  notes (pid " + notes.pid() + "): "
                    + PromptingListener.REASON + "\n"), text.out());
            assertTrue(text.out().contains("veto       notes (pid " + notes.pid() + ") in "), text.out());

            BusSession.Run status = session.cli("status", "--json");
            JsonObject listed = JsonParser.parseString(status.out()).getAsJsonObject();
            for (JsonElement app : listed.getAsJsonArray("apps")) {
                assertEquals("idle", app.getAsJsonObject().get("state").getAsString(), status.out());
            }
        }
    }

    @Test
    void whenNobodyWouldBlockTheProbeExitsZeroAndEndsNothing() {
        try (BusSession session = new BusSession(dir)) {
            TestJvm alpha = session.app("name=alpha");

            BusSession.Run run = session.cli("status", "--probe");

            assertEquals(Cli.ENDED, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("Nobody would block a logoff now (1 app asked). Nothing was ended."), run.out());
            assertEquals(0, session.events("end", alpha).size());
            assertEquals(1, session.events("cancelled", alpha).size());
            assertTrue(alpha.process().isAlive());
        }
    }

    private static Map<Long, JsonObject> byPid(JsonArray apps) {
        return StreamSupport.stream(apps.spliterator(), false).map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(app -> app.get("pid").getAsLong(), app -> app));
    }

    private static List<String> strings(JsonArray values) {
        return StreamSupport.stream(values.spliterator(), false).map(JsonElement::getAsString).toList();
    }
}
