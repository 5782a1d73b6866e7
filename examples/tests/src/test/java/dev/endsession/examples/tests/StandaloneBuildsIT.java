package dev.endsession.examples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does, on a copy of this repository: README's install command into a private local
 * repository (no test of any kind may run), then the plugin template and the JUnit 5.10 example
 * each built on its own, as a user's projects, against what was installed. The private repository
 * takes what it needs from the build's own local repository as a read-only remote, which it
 * never writes to.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class StandaloneBuildsIT {

    static final String INSTALL = "mvn -B -DskipTests install -pl bom,api,agent,testkit -am";
    private static final Duration BUILD = Duration.ofMinutes(8);

    @TempDir
    Path dir;

    @Test
    void theInstallCommandRunsNoTestAndThePluginTemplateAndTheJunit5ExampleBuildAfterIt() throws Exception {
        String readme = Files.readString(Examples.repo().resolve("README.md"));
        assertTrue(readme.contains(INSTALL), "README.md must give the install command " + INSTALL);
        Path clone = copyOfRepository(dir.resolve("clone"));
        Path settings = seededSettings(dir.resolve("settings.xml"));
        Path repository = dir.resolve("repository");

        long start = System.nanoTime();
        Build install = maven(clone, settings, repository, INSTALL.substring("mvn ".length()).split(" "));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("StandaloneBuildsIT: the install command took " + took.toSeconds() + " s");
        assertEquals(0, install.code(), install.output());
        assertFalse(install.output().contains("T E S T S"), "a test ran: " + install.output());
        assertTrue(count(install.output(), "--- exec-maven-plugin:[^ ]+:exec \\((xvfb|test-packages)\\)") == 2
                && count(install.output(), "skipping execute as per configuration") == 2, "Xvfb and the test packages are skipped: " + install.output());
        Path installed = repository.resolve("dev/endsession");
        for (String file : List.of("endsession-bom/0.1.0-SNAPSHOT/endsession-bom-0.1.0-SNAPSHOT.pom",
                "endsession-api/0.1.0-SNAPSHOT/endsession-api-0.1.0-SNAPSHOT-sources.jar",
                "endsession-api/0.1.0-SNAPSHOT/endsession-api-0.1.0-SNAPSHOT-javadoc.jar",
                "endsession-testkit/0.1.0-SNAPSHOT/endsession-testkit-0.1.0-SNAPSHOT-sources.jar",
                "endsession-testkit/0.1.0-SNAPSHOT/endsession-testkit-0.1.0-SNAPSHOT-javadoc.jar",
                "endsession-agent/0.1.0-SNAPSHOT/endsession-agent-0.1.0-SNAPSHOT-javaagent.jar")) {
            assertTrue(Files.isRegularFile(installed.resolve(file)), "not installed: " + file);
        }

        Build template = maven(clone, settings, repository, "-B", "-f", "examples/plugin-template/pom.xml", "verify");
        assertEquals(0, template.code(), template.output());
        assertTrue(Files.isRegularFile(clone.resolve("examples/plugin-template/target/example-plugin.jar")), template.output());
        assertTestsRan(template);

        Build junit5 = maven(clone, settings, repository, "-B", "-f", "examples/junit5-tests/pom.xml", "verify");
        assertEquals(0, junit5.code(), junit5.output());
        assertTestsRan(junit5);
    }

    private static void assertTestsRan(Build build) {
        Matcher total = Pattern.compile("(?m)^\\[INFO\\] Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: 0$").matcher(build.output());
        assertTrue(total.find() && Integer.parseInt(total.group(1)) > 0, "no test ran: " + build.output());
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The files a fresh clone has (git's tracked and unignored ones), with the changes not yet committed. */
    private static Path copyOfRepository(Path into) throws IOException, InterruptedException {
        Path repo = Examples.repo();
        Process git = new ProcessBuilder("git", "-C", repo.toString(), "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String listing = new String(git.getInputStream().readAllBytes());
        assertTrue(git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0, "git ls-files failed in " + repo);
        for (String name : listing.split("\0")) {
            Path source = repo.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(source)) {
                Path target = into.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return into;
    }

    /** Settings whose first repository is the outer build's local repository, read as a file:// remote. */
    private static Path seededSettings(Path file) throws IOException {
        String seed = Path.of(System.getProperty("endsession.seed.repository", System.getProperty("user.home") + "/.m2/repository")).toUri().toString();
        String repository = "<id>seed</id><url>" + seed + "</url><releases><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        return Files.writeString(file, "<settings><profiles><profile><id>seed</id>"
                + "<repositories><repository>" + repository + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>seed</activeProfile></activeProfiles></settings>");
    }

    private record Build(int code, String output) {
    }

    private Build maven(Path workDir, Path settings, Path repository, String... args) throws IOException, InterruptedException {
        Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
        if ("offline:true".equals(System.getProperty("endsession.offline"))) {
            command.addAll(List.of("-o", "-Daether.offline.protocols=file")); // offline, as the outer build: the seed only
        }
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "mvn", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY"); // the install must not start Xvfb even where there is no display
        env.remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(BUILD.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Build(-1, "timed out after " + BUILD + ": " + String.join(" ", command) + "\n" + Files.readString(output));
        }
        return new Build(process.exitValue(), String.join(" ", command) + "\n" + Files.readString(output));
    }
}
