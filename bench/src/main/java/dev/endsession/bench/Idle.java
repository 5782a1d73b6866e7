package dev.endsession.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle cost: the same idle app with and without the agent, side by side over the same window (so
 * both see the same machine load). CPU from {@code /proc/<pid>/stat} (utime + stime, in clock
 * ticks), threads from {@code jcmd Thread.print}, live heap from {@code jcmd GC.class_histogram}
 * (which runs a full GC first), classes and metaspace from {@code jcmd PerfCounter.print}.
 */
final class Idle {

    private static final String MAIN = "dev.endsession.bench.apps.IdleApp";
    /** The agent's own packages and its libraries, as they appear in a class histogram. */
    private static final List<String> AGENT_PACKAGES = List.of("dev.endsession.", "org.slf4j.", "picocli.",
            "net.bytebuddy.", "com.sun.jna.");
    private static final Pattern THREAD = Pattern.compile("^\"([^\"]+)\"");
    private static final Pattern HISTOGRAM = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");
    private static final Pattern COUNTER = Pattern.compile("^(\\S+)=(\\d+)$");

    private final Subjects subjects;

    Idle(Subjects subjects) {
        this.subjects = subjects;
    }

    void report(Report report, Duration window, Duration settle) throws InterruptedException {
        Map<String, List<String>> variants = new java.util.LinkedHashMap<>();
        variants.put("without agent", List.of());
        variants.put("with agent (default options)", List.of(subjects.agent("")));
        Map<String, Process> running = new java.util.LinkedHashMap<>();
        try {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                String tag = "idle-" + running.size();
                List<String> options = new ArrayList<>(v.getValue());
                options.add("-Xlog:disable");
                running.put(v.getKey(), Jvm.start(Jvm.command(options, subjects.helloJar, MAIN), subjects.env("idle"), subjects.work, tag));
                Jvm.awaitLine(running.get(v.getKey()), subjects.work, tag, "ready", Duration.ofSeconds(60));
            }
            Thread.sleep(settle.toMillis()); // let start-up's JIT compilation finish before the window opens
            Map<String, Long> before = new HashMap<>();
            running.forEach((k, p) -> before.put(k, cpuTicks(p.pid())));
            Thread.sleep(window.toMillis());
            long tick = 1000 / clockTicksPerSecond();
            List<List<String>> cpu = new ArrayList<>();
            List<List<String>> state = new ArrayList<>();
            Map<String, List<String>> threads = new HashMap<>();
            Map<String, Map<String, Long>> histograms = new HashMap<>();
            for (Map.Entry<String, Process> e : running.entrySet()) {
                long pid = e.getValue().pid();
                long used = (cpuTicks(pid) - before.get(e.getKey())) * tick;
                cpu.add(List.of(e.getKey(), Long.toString(used)));
                threads.put(e.getKey(), threadNames(pid));
                Map<String, Long> counters = counters(pid);
                Map<String, Long> histogram = new HashMap<>();
                long[] heap = heap(pid, histogram);
                histograms.put(e.getKey(), histogram);
                state.add(List.of(e.getKey(), Integer.toString(threads.get(e.getKey()).size()),
                        Long.toString(counters.getOrDefault("java.cls.loadedClasses", 0L)
                                + counters.getOrDefault("java.cls.sharedLoadedClasses", 0L)),
                        Long.toString(metaspaceKiB(pid)),
                        Long.toString(heap[0] / 1024), Long.toString(heap[1]), Long.toString(heap[2] / 1024)));
            }
            report.paragraph(String.format("Both JVMs run the same idle app at the same time; the window opens %d s after "
                    + "both printed `ready`. CPU resolution: one clock tick = %d ms.", settle.toSeconds(), tick));
            report.table(List.of("JVM", "CPU ms used in " + window.toSeconds() + " s idle"), cpu);
            report.table(List.of("JVM", "threads", "classes loaded", "metaspace used KiB", "live heap KiB (after full GC)",
                    "agent objects", "agent objects KiB"), state);
            report.paragraph("Where the live heap grows most (bytes with the agent minus without, by class): "
                    + topGrowth(histograms.get("without agent"), histograms.get("with agent (default options)")) + ".");
            List<String> extra = new ArrayList<>(threads.get("with agent (default options)"));
            threads.get("without agent").forEach(extra::remove);
            report.paragraph("Threads the agent adds (names from jcmd Thread.print, minus the baseline's): "
                    + (extra.isEmpty() ? "none" : "`" + String.join("`, `", extra) + "`") + ".");
        } finally {
            running.values().forEach(Jvm::kill);
        }
    }

    /** @return the eight classes whose live bytes grew most, as {@code `class` +N KiB} */
    static String topGrowth(Map<String, Long> without, Map<String, Long> with) {
        List<Map.Entry<String, Long>> growth = new ArrayList<>();
        with.forEach((type, bytes) -> growth.add(Map.entry(type, bytes - without.getOrDefault(type, 0L))));
        growth.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, Long> entry : growth.subList(0, Math.min(8, growth.size()))) {
            top.add(String.format("`%s` %+.1f KiB", entry.getKey(), entry.getValue() / 1024.0));
        }
        return String.join(", ", top);
    }

    /** @return utime + stime of the process, in clock ticks */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long clockTicksPerSecond() {
        String out = run(List.of("getconf", "CLK_TCK")).strip();
        return out.matches("\\d+") ? Long.parseLong(out) : 100;
    }

    private static List<String> threadNames(long pid) {
        List<String> names = new ArrayList<>();
        for (String line : jcmd(pid, "Thread.print").lines().toList()) {
            Matcher m = THREAD.matcher(line);
            if (m.find()) {
                names.add(m.group(1).replaceAll("\\d+$", "N"));
            }
        }
        return names;
    }

    /** @return live heap bytes, the agent's instance count and bytes; fills {@code bytesByClass} */
    private static long[] heap(long pid, Map<String, Long> bytesByClass) {
        long total = 0;
        long agentCount = 0;
        long agentBytes = 0;
        for (String line : jcmd(pid, "GC.class_histogram").lines().toList()) {
            Matcher m = HISTOGRAM.matcher(line);
            if (m.find()) {
                long bytes = Long.parseLong(m.group(2));
                total += bytes;
                bytesByClass.merge(m.group(3), bytes, Long::sum);
                if (AGENT_PACKAGES.stream().anyMatch(m.group(3)::startsWith)) {
                    agentCount += Long.parseLong(m.group(1));
                    agentBytes += bytes;
                }
            }
        }
        return new long[] {total, agentCount, agentBytes};
    }

    /** @return metaspace used, from {@code jcmd GC.heap_info}, or -1 */
    private static long metaspaceKiB(long pid) {
        Matcher m = METASPACE.matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static Map<String, Long> counters(long pid) {
        Map<String, Long> counters = new TreeMap<>();
        for (String line : jcmd(pid, "PerfCounter.print").lines().toList()) {
            Matcher m = COUNTER.matcher(line.strip());
            if (m.matches()) {
                counters.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return counters;
    }

    private static String jcmd(long pid, String command) {
        return run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command));
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            Jvm.await(p, Duration.ofSeconds(60));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
