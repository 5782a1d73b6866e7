package dev.endsession.agent.linux;

import dev.endsession.agent.testing.RecordingListener;
import dev.endsession.agent.testing.StallingListener;
import dev.endsession.agent.testing.TestJvm;
import dev.endsession.agent.testing.WaitingApp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The Linux bridge's figures (issue 15), on a private desktop with gnome-session and, for the idle
 * and JNA figures, nothing else to disturb: start-up against the empty agent, the bridge's own start,
 * idle wake-ups, threads and RSS, and how soon 1 and 20 JVMs answer gnome-session's QueryEndSession.
 * Given an earlier agent jar as a fourth argument, its figures stand beside the build's, measured in
 * the same run. Not a test: {@code bench/linux-run} runs it and prints Markdown. Medians of
 * interleaved runs.
 */
public final class LinuxBench {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** An earlier agent jar to compare with, or null. */
    private static Path before;

    private LinuxBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int apps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        before = args.length > 3 && !args[3].isEmpty() ? Path.of(args[3]).toAbsolutePath() : null;
        int logouts = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Path dir = Files.createTempDirectory("linux-bench");
        try {
            if (runs > 0 || idleSeconds > 0) {
                try (Desktop desktop = Desktop.start(dir.resolve("desktop"))) {
                    desktop.startGnomeSession();
                    desktop.startShell("none", Duration.ZERO);
                    if (runs > 0) {
                        startup(desktop, dir, runs);
                    }
                    if (idleSeconds > 0) {
                        idle(desktop, dir, idleSeconds, "registered with gnome-session; no logind");
                    }
                }
                if (Elogind.isRoot(dir)) { // as on most desktops: logind too, so the agent takes its lock (JNA)
                    try (Elogind elogind = Elogind.start(dir, 10); Desktop desktop = Desktop.start(dir.resolve("desktop-logind"), elogind)) {
                        desktop.startGnomeSession();
                        desktop.startShell("none", Duration.ZERO);
                        System.out.println("# The same with elogind (its system bus; the JVMs inside its namespace, through nsenter)\n");
                        if (runs > 0) {
                            startup(desktop, dir, runs);
                        }
                        if (idleSeconds > 0) {
                            idle(desktop, dir, idleSeconds, "registered with gnome-session, holding a logind delay lock (elogind)");
                        }
                    }
                }
            }
            System.out.println("## GNOME logout: QueryEndSession to each JVM's EndSessionResponse (goal: all within 100 ms)\n");
            System.out.println("| agent | JVMs at once | logout | answers | median ms | max ms |\n|---|---|---|---|---|---|");
            int round = 0;
            for (int count : apps > 1 ? List.of(1, apps) : List.of(apps)) {
                for (int logout = 1; logout <= logouts; logout++) { // interleaved: one build's logout, then the other's
                    for (Path jar : before != null ? List.of(before, TestJvm.agentJar()) : List.of(TestJvm.agentJar())) {
                        try (Desktop desktop = Desktop.start(dir.resolve("logout" + round++))) {
                            desktop.startGnomeSession();
                            desktop.startShell("none", Duration.ZERO);
                            query(desktop, dir, count, jar, logout);
                        }
                    }
                }
            }
            System.out.println();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void startup(Desktop desktop, Path dir, int runs) throws Exception {
        Path empty = emptyAgent(dir);
        Map<String, List<Double>> ms = new java.util.LinkedHashMap<>();
        String[][] variants = {
            {"no agent", null, ""}, {"empty agent", "empty", ""}, {"agent, bridge=bus", "bridge=bus", ""},
            {"agent, bridge=auto (gnome-session + system bus here)", "", ""},
            {"agent, bridge=bus, main waits for the agent", "bridge=bus", "wait"},
            {"agent, bridge=auto, main waits for the agent (connect + RegisterClient)", "", "wait"},
            {"earlier agent, bridge=auto, main waits for the agent", "before", "wait"}};
        for (int r = 0; r < runs; r++) {
            for (String[] v : variants) {
                TestJvm.Builder b = TestJvm.main(HelloApp.class).args(v[2].isEmpty() ? new String[0] : new String[] {v[2]});
                if (v[1] == null) {
                    b.withoutAgent();
                } else if (v[1].equals("empty")) {
                    b.withoutAgent().jvmOptions("-javaagent:" + empty);
                } else if (v[1].equals("before")) {
                    if (before == null) {
                        continue;
                    }
                    b.withoutAgent().jvmOptions("-javaagent:" + before + "=name=bench");
                } else {
                    b.agentOptions(v[1].isEmpty() ? "name=bench" : v[1]);
                }
                long t = System.nanoTime();
                try (TestJvm jvm = ownRuntimeIfEarlier(desktop.jvm(b), v[1], dir).start(dir.resolve("startup"))) {
                    jvm.awaitExit(WAIT);
                }
                ms.computeIfAbsent(v[0], k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
            }
        }
        System.out.println("## Start-up (hello world, process start to exit; median of " + runs + ", interleaved)\n");
        System.out.println("| variant | median ms | over the empty agent |\n|---|---|---|");
        double base = median(ms.getOrDefault("empty agent", List.of()));
        ms.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %+.1f |%n", k, median(v), median(v) - base));
        TestJvm.Builder b = TestJvm.main(WaitingApp.class).agentOptions("name=bench,log=debug");
        try (TestJvm jvm = desktop.jvm(b).start(dir.resolve("startup"))) {
            jvm.awaitErrorLine("EndSession agent started", WAIT);
            System.out.println("\nThe bridge's own start, on the agent's thread (debug lines):\n");
            jvm.stderr().lines().filter(l -> l.contains("endsession.linux")).forEach(l -> System.out.println("    " + l));
        }
        System.out.println();
    }

    /** JVMs per column whose RSS is read: one JVM's RSS moves by about ±2 MiB from run to run. */
    private static final int RSS_SAMPLES = 5;

    private static void idle(Desktop desktop, Path dir, int seconds, String bridgeAuto) throws Exception {
        List<String> columns = new ArrayList<>(List.of("bridge=bus", "bridge=auto (linux)"));
        if (before != null) {
            columns.add("earlier agent, bridge=auto");
        }
        List<List<TestJvm>> jvms = new ArrayList<>(); // per column; the first is also the one whose CPU and threads are read
        try {
            for (int n = 0; n < RSS_SAMPLES; n++) { // interleaved, so the columns start under the same load
                for (int c = 0; c < columns.size(); c++) {
                    String column = columns.get(c);
                    TestJvm.Builder b = TestJvm.main(WaitingApp.class).listener(RecordingListener.class);
                    if (column.startsWith("earlier")) {
                        b.withoutAgent().jvmOptions("-javaagent:" + before + "=name=idle");
                    } else {
                        b.agentOptions(column.equals("bridge=bus") ? "name=idle,bridge=bus" : "name=idle");
                    }
                    TestJvm jvm = ownRuntimeIfEarlier(desktop.jvm(b), column.startsWith("earlier") ? "before" : column, dir).start(dir.resolve("idle"));
                    jvm.awaitLine("ready", WAIT);
                    if (n == 0) {
                        jvms.add(new ArrayList<>());
                    }
                    jvms.get(c).add(jvm);
                }
            }
            Thread.sleep(3000); // let them settle (JIT, the bus's first greeting) before the window
            List<Long> cpu0 = new ArrayList<>();
            List<Map<String, Long>> switches0 = new ArrayList<>();
            for (List<TestJvm> column : jvms) {
                cpu0.add(ticks(javaPid(column.get(0))));
                switches0.add(switches(javaPid(column.get(0))));
            }
            Thread.sleep(seconds * 1000L); // the measured idle window
            System.out.println("## Idle for " + seconds + " s (same app; bridge=auto " + bridgeAuto + ")\n");
            System.out.println("| | " + String.join(" | ", columns) + " |\n|---" + "|---".repeat(columns.size()) + "|");
            StringBuilder cpu = new StringBuilder("| CPU ticks (1/100 s) |");
            StringBuilder threads = new StringBuilder("| threads |");
            StringBuilder rss = new StringBuilder("| VmRSS kB, median of " + RSS_SAMPLES + " JVMs (min–max) |");
            StringBuilder woken = new StringBuilder("| context switches of the bridge's threads |");
            for (int i = 0; i < jvms.size(); i++) {
                long pid = javaPid(jvms.get(i).get(0));
                cpu.append(' ').append(ticks(pid) - cpu0.get(i)).append(" |");
                threads.append(' ').append(threads(pid).size()).append(" |");
                List<Double> sizes = new ArrayList<>();
                for (TestJvm jvm : jvms.get(i)) {
                    sizes.add((double) rss(javaPid(jvm)));
                }
                rss.append(String.format(Locale.ROOT, " %.0f (%.0f–%.0f) |", median(sizes), java.util.Collections.min(sizes),
                        java.util.Collections.max(sizes)));
                woken.append(' ').append(bridgeSwitches(switches(pid), switches0.get(i))).append(" |");
            }
            System.out.println(cpu + "\n" + threads + "\n" + rss + "\n" + woken + "\n");
            for (int i = 1; i < jvms.size(); i++) {
                List<String> added = new ArrayList<>(threads(javaPid(jvms.get(i).get(0))));
                threads(javaPid(jvms.get(0).get(0))).forEach(added::remove);
                System.out.println("Threads added over bridge=bus, " + columns.get(i) + ": " + added + "  ");
            }
            System.out.println();
        } finally {
            jvms.forEach(column -> column.forEach(TestJvm::close));
        }
    }

    /**
     * The earlier build keeps its JNA copy in a runtime folder of its own, as a user with one agent
     * version does: in a shared one, each build would remove the other's copy and write its own again.
     */
    private static TestJvm.Builder ownRuntimeIfEarlier(TestJvm.Builder b, String variant, Path dir) throws IOException {
        if (!"before".equals(variant)) {
            return b;
        }
        Path runtime = dir.resolve("earlier-runtime");
        if (!Files.isDirectory(runtime)) {
            Files.createDirectories(runtime, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        return b.env("XDG_RUNTIME_DIR", runtime.toString());
    }

    /** @return the context switches in the window of the threads that bridge=bus does not have */
    private static long bridgeSwitches(Map<String, Long> now, Map<String, Long> then) {
        return now.entrySet().stream().filter(e -> e.getKey().startsWith("endsession-linu") || e.getKey().startsWith("JNA"))
                .mapToLong(e -> e.getValue() - then.getOrDefault(e.getKey(), 0L)).sum();
    }

    private static void query(Desktop desktop, Path dir, int count, Path jar, int logout) throws Exception {
        Daemon monitor = desktop.monitor("interface='org.gnome.SessionManager.ClientPrivate'");
        List<TestJvm> jvms = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                // a listener that answers at once, without I/O: what is timed is the bridge's path
                TestJvm.Builder b = TestJvm.main(WaitingApp.class).listener(StallingListener.class)
                        .jvmOptions("-D" + StallingListener.STALL + "=0");
                if (jar.equals(TestJvm.agentJar())) {
                    b.agentOptions("name=q" + i);
                } else {
                    b.withoutAgent().jvmOptions("-javaagent:" + jar + "=name=q" + i);
                }
                jvms.add(ownRuntimeIfEarlier(desktop.jvm(b), jar.equals(TestJvm.agentJar()) ? "" : "before", dir).start(dir.resolve("query")));
            }
            for (TestJvm jvm : jvms) {
                jvm.awaitLine("ready", WAIT);
            }
            GnomeSessionIT.awaitRegistered(desktop, count);
            desktop.logout();
            monitor.awaitLines("member=EndSession$", count, WAIT);
            Map<String, Double> asked = new HashMap<>();
            List<Double> latencies = new ArrayList<>();
            List<String> lines = monitor.lines();
            for (String line : lines) {
                String path = line.replaceAll(".*path=([^;]*);.*", "$1");
                double time = line.contains("time=") ? Double.parseDouble(line.replaceAll(".*time=([0-9.]+) .*", "$1")) : 0;
                if (line.startsWith("signal ") && line.endsWith("member=QueryEndSession")) {
                    asked.put(path, time);
                } else if (line.startsWith("method call ") && line.endsWith("member=EndSessionResponse") && asked.containsKey(path)) {
                    latencies.add((time - asked.remove(path)) * 1000); // the query's answer: the first response on that path
                }
            }
            latencies.sort(null);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f |%n", jar.equals(TestJvm.agentJar()) ? "this build" : "earlier",
                    count, logout, latencies.size(), median(latencies), latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
        } finally {
            jvms.forEach(TestJvm::close);
        }
    }

    /** @return the JVM's pid: inside elogind's namespace, the JVM is the child of {@code nsenter} */
    private static long javaPid(TestJvm jvm) throws IOException {
        long pid = jvm.pid();
        if (Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip().equals("nsenter")) {
            String children = Files.readString(Path.of("/proc", String.valueOf(pid), "task", String.valueOf(pid), "children")).strip();
            return Long.parseLong(children.split(" ")[0]);
        }
        return pid;
    }

    private static Path emptyAgent(Path dir) throws IOException {
        Path jar = dir.resolve("empty-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", EmptyAgent.class.getName());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            String name = EmptyAgent.class.getName().replace('.', '/') + ".class";
            j.putNextEntry(new JarEntry(name));
            try (var in = EmptyAgent.class.getClassLoader().getResourceAsStream(name)) {
                in.transferTo(j);
            }
        }
        return jar;
    }

    private static long ticks(long pid) throws IOException {
        String[] f = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).replaceAll(".*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
    }

    private static List<String> threads(long pid) throws IOException {
        List<String> names = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                names.add(Files.readString(task.resolve("comm")).strip());
            }
        }
        return names;
    }

    private static Map<String, Long> switches(long pid) throws IOException {
        Map<String, Long> byName = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).strip();
                long n = Files.readAllLines(task.resolve("status")).stream().filter(l -> l.contains("ctxt_switches"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
                byName.merge(name, n, Long::sum);
            }
        }
        return byName;
    }

    private static long rss(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(l -> l.startsWith("VmRSS"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
