package dev.endsession.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What every command does on its error paths and in its help, without any app (issue 16, item 9). */
@Timeout(30)
class CliDetailsTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(Map.of("ENDSESSION_BUS_DIR", dir.resolve("bus").toString()), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    /** @return stdout parsed as one JSON object (fails if it is anything else) */
    JsonObject json() {
        return JsonParser.parseString(out.toString()).getAsJsonObject();
    }

    @Nested
    class JsonOnEveryExitPath {
        @Test
        void aUsageErrorPrintsAnErrorObjectWithExitCode2() {
            for (List<String> args : List.of(List.of("logoff", "--json", "--mode", "sideways"), List.of("status", "--json", "--bogus"),
                    List.of("shutdown", "--json", "--timeout", "0"), List.of("status", "--probe", "--json", "--session", "../x"))) {
                assertEquals(Cli.USAGE, run(args.toArray(String[]::new)), args.toString());
                JsonObject json = json();
                assertEquals(2, json.get("exitCode").getAsInt(), out.toString());
                assertTrue(json.get("error").getAsString().startsWith("option ") || json.get("error").getAsString().startsWith("unknown"),
                        out.toString());
            }
        }

        @Test
        void noSessionBusPrintsAnErrorObjectWithExitCode3() {
            for (String command : List.of("logoff", "restart", "status")) {
                assertEquals(Cli.FAILURE, run(command, "--json"), command);
                assertEquals(3, json().get("exitCode").getAsInt(), out.toString());
                assertTrue(json().get("error").getAsString().startsWith("no session bus for session 'default'"), out.toString());
            }
            assertEquals(Cli.FAILURE, run("status", "--probe", "--json"));
            assertEquals(3, json().get("exitCode").getAsInt(), out.toString());
        }

        @Test
        void noAppPrintsAnObjectToo() throws Exception {
            Path session = Files.createDirectories(dir.resolve("bus/default"));
            Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rwx------"));
            assertEquals(Cli.FAILURE, run("logoff", "--json"));
            assertTrue(json().get("error").getAsString().startsWith("no app is attached to session 'default'"), out.toString());
            assertEquals(Cli.FAILURE, run("status", "--probe", "--json"));
            assertEquals(3, json().get("exitCode").getAsInt(), out.toString());
            assertEquals(Cli.FAILURE, run("status", "--json"));
            assertEquals("default", json().get("session").getAsString());
            assertEquals(0, json().getAsJsonArray("apps").size());
        }
    }

    @Nested
    class UsageErrors {
        @Test
        void sayOneLineAndOneHintNotTheWholeUsage() {
            assertEquals(Cli.USAGE, run("logoff", "--mode", "sideways"));
            List<String> lines = err.toString().lines().toList();
            assertEquals(List.of("endsession: option --mode='sideways' is not valid (expected modern|classic)",
                    "Try 'java -jar endsession-agent.jar logoff --help' for the options and exit codes."), lines);
            assertEquals("", out.toString());
        }

        @Test
        void everyBadOptionIsSaidInOneFormat() {
            String format = "endsession: option --[a-z-]+='[^']*' is not valid \\(expected .+\\)";
            for (List<String> args : List.of(List.of("logoff", "--mode", "x"), List.of("logoff", "--on-block", "x"),
                    List.of("logoff", "--timeout", "x"), List.of("logoff", "--timeout", "0s"), List.of("restart", "--session", "a/b"),
                    List.of("status", "--session", ".."))) {
                assertEquals(Cli.USAGE, run(args.toArray(String[]::new)), args.toString());
                String first = err.toString().lines().findFirst().orElse("");
                assertTrue(first.matches(format), first);
                assertEquals(2, err.toString().lines().count(), err.toString());
            }
        }

        @Test
        void anUnknownOptionOrNoCommandAlsoGetsOneLineAndAHint() {
            assertEquals(Cli.USAGE, run("status", "--bogus"));
            assertEquals("endsession: unknown option '--bogus'", err.toString().lines().findFirst().orElse(""));
            assertEquals(2, err.toString().lines().count(), err.toString());
            assertEquals(Cli.USAGE, run("logof"));
            assertTrue(err.toString().startsWith("endsession: unexpected argument 'logof'; did you mean logoff"), err.toString());
            assertEquals(Cli.USAGE, run());
            assertEquals(2, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().contains("Try 'java -jar endsession-agent.jar --help'"), err.toString());
        }
    }

    @Test
    void everyCommandsHelpListsItsExitCodesAndNamesARunnableCommand() {
        List<List<String>> helps = new java.util.ArrayList<>(List.of(List.of("--help")));
        new picocli.CommandLine(new Cli()).getSubcommands().keySet().stream().filter(name -> !name.equals("help"))
                .forEach(name -> helps.add(List.of(name, "--help"))); // every command, those added later too
        assertTrue(helps.size() >= 6, helps.toString());
        for (List<String> args : helps) {
            assertEquals(0, run(args.toArray(String[]::new)), args.toString());
            String help = out.toString();
            assertTrue(help.startsWith("Usage: java -jar endsession-agent.jar"), help);
            assertTrue(help.contains("Exit codes:"), help);
            // Every command exits 0 or 2; those that reach the bus (and attach) can fail with 3 too.
            boolean reachesOut = !args.get(0).equals("check-rules");
            for (String code : reachesOut ? List.of("  0 ", "  2 ", "  3 ") : List.of("  0 ", "  2 ")) {
                assertTrue(help.contains(code), args + " lists exit code" + code + ":\n" + help);
            }
        }
        run("status", "--help");
        assertTrue(out.toString().contains("1   with --probe: an app would veto or is hung"), out.toString());
    }

    @Test
    void statusColumnsStayAlignedForLongNamesAndNotResponding() {
        Table table = new Table("PID", "NAME", "LEVEL", "STATE", "BLOCK REASONS");
        table.row("7", "a-very-long-application-name-indeed (service)", "0x280", "not-responding", "");
        table.row("1234567", "n", "0x3ff", "idle", "Unsaved changes");
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text, true));
        List<String> lines = text.toString().lines().toList();
        String heading = lines.get(0);
        for (String column : List.of("NAME", "LEVEL", "STATE", "BLOCK REASONS")) {
            int at = heading.indexOf(column);
            assertTrue(at > 0, heading);
            for (String line : lines.subList(1, lines.size())) {
                assertTrue(line.length() <= at || (line.charAt(at - 1) == ' ' && line.charAt(at) != ' '),
                        "column " + column + " starts at " + at + " in every row:\n" + text);
            }
        }
    }
}
