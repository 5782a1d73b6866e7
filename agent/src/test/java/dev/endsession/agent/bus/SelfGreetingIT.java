package dev.endsession.agent.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.cli.Cli;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app's endpoint greets itself once it serves, so its first real round finds that path warm, and changes nothing. */
class SelfGreetingIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void anAppGreetsItselfOnceAndStaysIdleAndReachable() {
        Path bus = dir.resolve("bus");
        try (TestJvm app = TestJvm.main(WaitingApp.class).agentOptions("name=greeter,bridge=bus,log=debug")
                .env("ENDSESSION_BUS_DIR", bus.toString()).start(dir)) {
            app.awaitLine("ready", WAIT);
            app.awaitErrorLine("The endpoint greeted itself: answered", WAIT);
            StringWriter out = new StringWriter();
            int code = Cli.run(Map.of("ENDSESSION_BUS_DIR", bus.toString()), new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true), "status", "--json");
            assertEquals(Cli.ENDED, code, out.toString());
            assertTrue(out.toString().contains("\"name\":\"greeter\",\"level\":640,\"state\":\"idle\""), out.toString());
            assertTrue(!app.stderr().contains("WARN") && !app.stderr().contains("ERROR"), app.stderr());
        }
    }
}
