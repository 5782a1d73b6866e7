package dev.endsession.agent.linux.xsmp;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real JVM with the agent jar and a {@link RecordingListener}, a client of a real session manager. */
final class RecordingApp {

    private RecordingApp() {
    }

    /**
     * Starts it and returns once the manager registered it.
     *
     * @param env the manager's client environment
     * @param veto the listener's veto, or {@code null} to agree
     */
    static TestJvm start(Path dir, Map<String, String> env, String name, Path record, String veto, Duration wait) {
        TestJvm.Builder builder = TestJvm.main(WaitingApp.class).listener(RecordingListener.class)
                .agentOptions("name=" + name + ",log=debug,prompt=none")
                .jvmOptions("-D" + RecordingListener.RECORD + "=" + record);
        if (veto != null) {
            builder.jvmOptions("-D" + RecordingListener.VETO + "=" + veto);
        }
        for (Map.Entry<String, String> variable : env.entrySet()) {
            builder.env(variable.getKey(), variable.getValue());
        }
        TestJvm app = builder.start(dir);
        app.awaitErrorLine("Registered with the session manager as '" + name + "'", wait);
        return app;
    }

    /** @return the recorded events in order: {@code query}, {@code end}, {@code cancelled} */
    static List<String> events(Path record) {
        return RecordingListener.lines(record).stream().map(l -> l.split(" ")[0]).toList();
    }
}
