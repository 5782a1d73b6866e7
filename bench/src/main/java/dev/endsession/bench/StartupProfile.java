package dev.endsession.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the start-up time goes: the JVM's own phases ({@code -Xlog:startuptime}), the agent's
 * premain on the main thread, and the agent's start on its own thread: the time between milestone
 * classes being loaded ({@code -Xlog:class+load} with nanosecond uptime). Logging every class load slows loading a little, so these phases add up to a
 * bit more than the plain wall-time difference; they tell where, not exactly how much.
 */
final class StartupProfile {

    private static final Pattern LOAD = Pattern.compile("^\\[(\\d+)ns\\] (\\S+) source: (.*)$");
    private static final Pattern PHASE = Pattern.compile("\\[startuptime\\] (.+), ([0-9.]+) secs");
    private static final String MAIN = "dev.endsession.bench.apps.Hello";
    /** Loaded when the JVM starts the agent machinery, before it opens the agent jar for the premain class. */
    private static final String INSTRUMENTATION = "java.lang.instrument.Instrumentation";
    /** The first and the last class of the agent's start on its own thread ({@code endsession-start}). */
    private static final String START = "dev.endsession.agent.boot.IsolatedLoader";
    private static final String STARTED = "dev.endsession.agent.AgentBackend";
    /**
     * Milestone classes of the agent's start: where each starts, what the agent (or the JDK on its
     * behalf) does until the next milestone is loaded. Sorted by the time they were loaded, so the phases follow whatever
     * order the code has; a milestone that is not loaded is simply absent.
     */
    private static final Map<String, String> MILESTONES = new LinkedHashMap<>();

    static {
        MILESTONES.put(START, "open the agent jar's isolated class loader, load the agent");
        MILESTONES.put("dev.endsession.agent.Agent", "parse options, make the logger");
        MILESTONES.put("dev.endsession.agent.core.Coordinator", "make the coordinator");
        MILESTONES.put("dev.endsession.agent.plugins.PluginFinder", "find plugins (ServiceLoader over the class path)");
        MILESTONES.put("dev.endsession.agent.Bridges", "choose the bridge, (bus) session directory, NIO's first lambdas");
        MILESTONES.put("java.lang.ProcessHandleImpl", "JDK: ProcessHandle (this JVM's pid)");
        MILESTONES.put("sun.nio.ch.UnixDomainSockets", "JDK: UnixDomainSockets' static SecureRandom (security providers)");
        MILESTONES.put("sun.nio.ch.ServerSocketChannelImpl", "bind the socket, start the acceptor thread");
    }

    private final Subjects subjects;
    private final Map<String, List<Double>> jarOpen = new LinkedHashMap<>();

    StartupProfile(Subjects subjects) {
        this.subjects = subjects;
    }

    void report(Report report, int runs) {
        Map<String, List<Double>> jvmPhases = new LinkedHashMap<>();
        Map<String, List<Double>> agentPhases = new LinkedHashMap<>();
        Map<String, List<Double>> startPhases = new LinkedHashMap<>();
        Map<String, List<Double>> classes = new LinkedHashMap<>();
        jarOpen.clear();
        for (int i = 0; i < runs; i++) {
            for (String variant : List.of(Startup.NONE, Startup.EMPTY, Startup.PADDED, Startup.DEFAULT, Startup.NO_BRIDGE,
                    Startup.UNTIL_RUNNING)) {
                profile(variant, jvmPhases, agentPhases, startPhases, classes);
            }
        }
        report.paragraph(String.format("Medians of %d runs of each, with -Xlog:startuptime and -Xlog:class+load "
                + "(which slows class loading a little).", runs));
        List<List<String>> rows = new ArrayList<>();
        jvmPhases.forEach((k, v) -> rows.add(List.of(k, Report.ms(new Stats(v).median()))));
        report.table(List.of("JVM phase (variant: phase)", "ms"), rows);
        List<List<String>> openRows = new ArrayList<>();
        jarOpen.forEach((k, v) -> openRows.add(List.of(k, Report.ms(new Stats(v).median()))));
        report.table(List.of("from `java.lang.instrument.Instrumentation` loaded to the premain class loaded "
                + "(the JVM opens the agent jar and reads its central directory)", "ms"), openRows);
        List<List<String>> agentRows = new ArrayList<>();
        agentPhases.forEach((k, v) -> agentRows.add(List.of(k, Report.ms(new Stats(v).median()))));
        report.table(List.of("premain, on the application's main thread: from the agent class loaded to the main "
                + "class loaded", "ms"), agentRows);
        List<List<String>> startRows = new ArrayList<>();
        startPhases.forEach((k, v) -> startRows.add(List.of(k, Report.ms(new Stats(v).median()))));
        report.table(List.of("the agent's start on its own thread, beside main: from its class loader to the facade "
                + "installed, in the runs where it got there", "ms"), startRows);
        List<List<String>> classRows = new ArrayList<>();
        classes.forEach((k, v) -> classRows.add(List.of(k, String.format("%.0f", new Stats(v).median()))));
        report.table(List.of("classes loaded (variant: where from)", "count"), classRows);
        report.table(List.of("jar", "bytes", "entries", "central directory bytes"),
                List.of(jarRow(subjects.emptyAgentJar), jarRow(subjects.paddedEmptyAgent()), jarRow(subjects.agentJar)));
    }

    private void profile(String variant, Map<String, List<Double>> jvmPhases, Map<String, List<Double>> agentPhases,
            Map<String, List<Double>> startPhases, Map<String, List<Double>> classes) {
        Path loads = subjects.work.resolve("class-load.txt");
        Path phases = subjects.work.resolve("startuptime.txt");
        delete(loads);
        delete(phases);
        List<String> options = new ArrayList<>(List.of("-Xlog:class+load:file=" + loads + ":uptimenanos",
                "-Xlog:startuptime:file=" + phases));
        if (variant.equals(Startup.EMPTY)) {
            options.add("-javaagent:" + subjects.emptyAgentJar);
        } else if (variant.equals(Startup.PADDED)) {
            options.add("-javaagent:" + subjects.paddedEmptyAgent());
        } else if (variant.equals(Startup.DEFAULT)) {
            options.add(subjects.agent(""));
        } else if (variant.equals(Startup.NO_BRIDGE)) {
            options.add(subjects.agent("bridge=none"));
        } else if (variant.equals(Startup.UNTIL_RUNNING)) {
            options.add("-Dbench.awaitAgent=true");
            options.add(subjects.agent(""));
        }
        Process process = Jvm.start(Jvm.command(options, subjects.helloJar, MAIN), subjects.env("profile"), subjects.work, "profile");
        Jvm.await(process, Duration.ofSeconds(60));
        for (String line : lines(phases)) {
            Matcher m = PHASE.matcher(line);
            if (m.find() && (m.group(1).equals("Initialize module system") || m.group(1).equals("Create VM"))) {
                add(jvmPhases, variant + ": " + m.group(1), Double.parseDouble(m.group(2)) * 1000);
            }
        }
        Map<String, Long> at = new LinkedHashMap<>();
        List<String[]> loaded = new ArrayList<>();
        for (String line : lines(loads)) {
            Matcher m = LOAD.matcher(line);
            if (m.matches()) {
                at.putIfAbsent(m.group(2), Long.parseLong(m.group(1)));
                loaded.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
        }
        add(classes, variant + ": all", loaded.size());
        boolean empty = variant.equals(Startup.EMPTY) || variant.equals(Startup.PADDED);
        String first = empty ? "dev.endsession.bench.empty.EmptyAgent" : "dev.endsession.agent.boot.Boot";
        if (variant.equals(Startup.NONE) || !at.containsKey(first) || !at.containsKey(MAIN)) {
            return;
        }
        if (at.containsKey(INSTRUMENTATION)) {
            add(jarOpen, variant, (at.get(first) - at.get(INSTRUMENTATION)) / 1e6);
        }
        add(agentPhases, variant + ": in all", (at.get(MAIN) - at.get(first)) / 1e6);
        countSources(variant, loaded, at.get(first), at.get(MAIN), classes);
        if (!empty && at.containsKey(START) && at.containsKey(STARTED)) {
            long from = at.get(START);
            long to = at.get(STARTED);
            add(startPhases, variant + ": in all", (to - from) / 1e6);
            List<String> names = new ArrayList<>();
            for (String name : MILESTONES.keySet()) {
                if (at.containsKey(name) && at.get(name) >= from && at.get(name) < to) {
                    names.add(name);
                }
            }
            names.sort(java.util.Comparator.comparing(at::get));
            names.add(STARTED);
            for (int i = 0; i + 1 < names.size(); i++) {
                add(startPhases, variant + ":   " + MILESTONES.get(names.get(i)), (at.get(names.get(i + 1)) - at.get(names.get(i))) / 1e6);
            }
        }
    }

    private static void countSources(String variant, List<String[]> loaded, long from, long to, Map<String, List<Double>> classes) {
        int cds = 0;
        int jdk = 0;
        int jar = 0;
        int other = 0;
        for (String[] load : loaded) {
            long t = Long.parseLong(load[0]);
            if (t < from || t >= to) {
                continue;
            }
            if (load[2].startsWith("shared objects file")) {
                cds++;
            } else if (load[2].startsWith("jrt:")) {
                jdk++;
            } else if (load[2].startsWith("file:")) {
                jar++;
            } else {
                other++;
            }
        }
        add(classes, variant + ": during premain, JDK from the CDS archive", cds);
        add(classes, variant + ": during premain, JDK parsed from jrt", jdk);
        add(classes, variant + ": during premain, from the agent jar (parsed, verified)", jar);
        add(classes, variant + ": during premain, generated/other", other);
    }

    /** @return name, size, entry count and central-directory size, read from the end-of-central-directory record */
    static List<String> jarRow(Path jar) {
        try (RandomAccessFile file = new RandomAccessFile(jar.toFile(), "r")) {
            long length = file.length();
            byte[] tail = new byte[(int) Math.min(length, 65_557)];
            file.seek(length - tail.length);
            file.readFully(tail);
            for (int i = tail.length - 22; i >= 0; i--) {
                if (tail[i] == 0x50 && tail[i + 1] == 0x4b && tail[i + 2] == 5 && tail[i + 3] == 6) {
                    int entries = (tail[i + 10] & 0xff) | (tail[i + 11] & 0xff) << 8;
                    long cen = (tail[i + 12] & 0xffL) | (tail[i + 13] & 0xffL) << 8 | (tail[i + 14] & 0xffL) << 16 | (tail[i + 15] & 0xffL) << 24;
                    return List.of(jar.getFileName().toString(), Long.toString(length), Integer.toString(entries), Long.toString(cen));
                }
            }
            return List.of(jar.getFileName().toString(), Long.toString(length), "?", "?");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(Map<String, List<Double>> into, String key, double value) {
        into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
