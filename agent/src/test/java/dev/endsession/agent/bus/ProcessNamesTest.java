package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The name of an app that cannot say it, from its command line, as the agent would have chosen it. */
class ProcessNamesTest {

    @Test
    void theAgentsNameOptionWins() {
        assertEquals(Optional.of("notes"), ProcessNames.fromArguments(List.of("-Xmx64m",
                "-javaagent:/opt/endsession-agent.jar=log=info,name=notes,bridge=bus", "-cp", "a.jar", "com.acme.Main")));
    }

    @Test
    void withoutItTheJarsFileNameOrTheMainClassesSimpleName() {
        assertEquals(Optional.of("notes.jar"), ProcessNames.fromArguments(List.of("-javaagent:/x/endsession-agent.jar",
                "-jar", "/opt/notes/notes.jar", "--flag")));
        assertEquals(Optional.of("Main"), ProcessNames.fromArguments(List.of("-cp", "a.jar:b.jar", "-Dx=y", "com.acme.Main", "arg")));
        assertEquals(Optional.of("Main"), ProcessNames.fromArguments(List.of("-p", "mods", "-m", "com.acme/com.acme.Main")));
    }

    @Test
    void nothingToTellIsEmpty() {
        assertEquals(Optional.empty(), ProcessNames.fromArguments(List.of("-version")));
    }

    @Test
    void aLiveProcessIsNamedFromItsCommandLine() {
        // This test JVM: surefire starts it with -jar surefirebooter*.jar or a main class; either gives a name.
        assertEquals(true, ProcessNames.of(ProcessHandle.current().pid()).isPresent());
    }
}
