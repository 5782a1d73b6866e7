package dev.endsession.agent.rules;

import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar endsession-agent.jar <args>} as a user would, and keeps what it printed. */
final class AgentJar {

    /** @param exit the exit code @param output standard output and error, interleaved */
    record Run(int exit, String output) {
    }

    private AgentJar() {
    }

    static Run run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TestJvm.agentJar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "cli", ".out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + command + "\n" + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out));
    }
}
