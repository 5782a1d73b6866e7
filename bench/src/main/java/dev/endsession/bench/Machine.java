package dev.endsession.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: CPU, memory, OS, JVM and the load at the time. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.join("\n",
                "- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available",
                "- memory: " + memTotal(),
                "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.home") + ")",
                "- load at start: `" + uptime() + "`");
    }

    /** @return the output of {@code uptime}: the machine's load averages now */
    static String uptime() {
        return Idle.run(List.of("uptime")).strip();
    }

    private static String cpuModel() {
        return grep("/proc/cpuinfo", "model name");
    }

    private static String memTotal() {
        return grep("/proc/meminfo", "MemTotal");
    }

    private static String grep(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
