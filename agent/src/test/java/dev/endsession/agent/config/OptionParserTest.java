package dev.endsession.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.config.AgentOptions.BridgeMode;
import dev.endsession.agent.config.AgentOptions.Counted;
import dev.endsession.agent.config.AgentOptions.PromptMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionParserTest {

    @Test
    void noOptionsGiveTheDefaults() {
        OptionParser.Parsed parsed = OptionParser.parse(null, "app");
        assertEquals(AgentOptions.defaults("app"), parsed.options());
        assertTrue(parsed.errors().isEmpty());
    }

    @Test
    void everyContractOptionIsRead() {
        AgentOptions o = OptionParser.parse(
                "name=Notes,level=0x300,prompt=console,bridge=bus,plugins=/p,rules=/r.rules,log=debug,service=true,"
                        + "budget=250ms,on-failure=veto,on-hang=veto,exit-budget=2s,log-file=/var/log/notes.log", "app").options();
        assertEquals("Notes", o.name());
        assertEquals(0x300, o.level());
        assertEquals(PromptMode.CONSOLE, o.prompt());
        assertEquals(BridgeMode.BUS, o.bridge());
        assertEquals(Path.of("/p"), o.plugins().orElseThrow());
        assertEquals(Path.of("/r.rules"), o.rules().orElseThrow());
        assertEquals("debug", o.log());
        assertTrue(o.service());
        assertEquals(Duration.ofMillis(250), o.budget());
        assertEquals(Counted.VETO, o.onFailure());
        assertEquals(Counted.VETO, o.onHang());
        assertEquals(Duration.ofSeconds(2), o.exitBudget());
        assertEquals("/var/log/notes.log", o.logFile());
    }

    @Test
    void appIdIsADesktopFileIdWithOrWithoutItsSuffix() {
        assertEquals("org.example.Notes", OptionParser.parse("app-id=org.example.Notes", "app").options().appId());
        assertEquals("org.example.Notes", OptionParser.parse("app-id=org.example.Notes.desktop", "app").options().appId());
        OptionParser.Parsed bad = OptionParser.parse("app-id=../etc/passwd", "app");
        assertEquals("", bad.options().appId());
        assertEquals(1, bad.errors().size(), bad.errors().toString());
    }

    @Test
    void anUnknownOptionIsOneErrorLineAndTheOthersStillApply() {
        OptionParser.Parsed parsed = OptionParser.parse("nmae=x,level=700", "app");
        assertEquals(1, parsed.errors().size());
        assertTrue(parsed.errors().get(0).contains("unknown option 'nmae'"), parsed.errors().get(0));
        assertEquals(700, parsed.options().level());
    }

    @Test
    void aMalformedValueKeepsTheDefaultAndSaysWhatIsExpected() {
        OptionParser.Parsed parsed = OptionParser.parse("level=high,prompt=loud,budget=soon,service=yes,log=trace,oops", "app");
        assertEquals(AgentOptions.defaults("app"), parsed.options());
        assertEquals(6, parsed.errors().size(), parsed.errors().toString());
        parsed.errors().forEach(e -> assertTrue(!e.contains("\n"), "one line: " + e));
        assertTrue(parsed.errors().stream().anyMatch(e -> e.contains("prompt='loud'") && e.contains("auto|swing|console|none")),
                parsed.errors().toString());
    }

    @Test
    void aBadDurationSaysTheDefaultItUsesInTheWordsAUserWrites() {
        List<String> errors = OptionParser.parse("budget=fast,exit-budget=0", "app").errors();
        assertEquals(List.of("option budget='fast' is not valid (expected a duration such as 500ms, 5s or 2m); using 1s",
                "option exit-budget='0' is not valid (expected a positive duration); using 5s"), errors);
    }

    @Test
    void durationsAreWrittenAsTheyAreRead() {
        for (String text : List.of("1s", "500ms", "2m", "90s", "1500ms")) {
            assertEquals(text, Durations.format(Durations.parse(text)));
        }
    }

    @Test
    void aConfigFileIsReadAndTheCommandLineWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("endsession.properties");
        Files.writeString(file, "name=FromFile\nlevel=0x100\nprompt=none\n");
        AgentOptions o = OptionParser.parse("config=" + file + ",level=0x3ff", "app").options();
        assertEquals("FromFile", o.name());
        assertEquals(0x3ff, o.level());
        assertEquals(PromptMode.NONE, o.prompt());
    }

    @Test
    void aMissingConfigFileIsReportedAndTheAgentStillStarts(@TempDir Path dir) {
        OptionParser.Parsed parsed = OptionParser.parse("config=" + dir.resolve("absent.properties"), "app");
        assertEquals(List.of(), parsed.errors().stream().filter(e -> !e.startsWith("config file")).toList());
        assertEquals(1, parsed.errors().size());
        assertEquals(AgentOptions.defaults("app"), parsed.options());
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(5), Durations.parse("5s"));
        assertEquals(Duration.ofSeconds(7), Durations.parse("7"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
    }
}
