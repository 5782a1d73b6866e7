package dev.endsession.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up: the wall time of a hello-world JVM (start to exit) without an agent, with the empty
 * agent, and with ours. Variants are interleaved (each round runs every variant once, in a rotated
 * order), so a burst of load on the machine hits them all alike; figures are medians, and
 * differences are medians of the per-round paired differences.
 */
final class Startup {

    static final String NONE = "no agent";
    static final String EMPTY = "empty agent";
    static final String DEFAULT = "EndSession, default options";
    static final String NO_BRIDGE = "EndSession, bridge=none";
    static final String UNTIL_RUNNING = "EndSession, default options, main waits until the agent runs";
    static final String PADDED = "empty agent, padded to our jar's size and entries";

    private final Subjects subjects;
    private final Map<String, List<String>> variants = new LinkedHashMap<>();
    /** The first line a variant printed on stderr, if any: a warning there means the figure is suspect. */
    final Map<String, String> stderr = new LinkedHashMap<>();

    Startup(Subjects subjects) {
        this.subjects = subjects;
        variants.put(NONE, List.of());
        variants.put(EMPTY, List.of("-javaagent:" + subjects.emptyAgentJar));
        variants.put(PADDED, List.of("-javaagent:" + subjects.paddedEmptyAgent()));
        variants.put(DEFAULT, List.of(subjects.agent("")));
        variants.put(NO_BRIDGE, List.of(subjects.agent("bridge=none")));
        variants.put(UNTIL_RUNNING, List.of("-Dbench.awaitAgent=true", subjects.agent("")));
    }

    /** Adds a variant, e.g. the agent with a rules file. */
    Startup variant(String name, List<String> jvmOptions) {
        variants.put(name, jvmOptions);
        return this;
    }

    /** @return wall times in ms per variant, index i of each list from round i */
    Map<String, List<Double>> measure(int warmups, int rounds) {
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        names.forEach(n -> times.put(n, new ArrayList<>()));
        for (int round = -warmups; round < rounds; round++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(Math.floorMod(round + k, names.size()));
                double ms = once(name);
                if (round >= 0) {
                    times.get(name).add(ms);
                }
            }
        }
        return times;
    }

    private double once(String name) {
        Path work = subjects.work;
        List<String> command = Jvm.command(variants.get(name), subjects.helloJar, "dev.endsession.bench.apps.Hello");
        long start = System.nanoTime();
        Process process = Jvm.start(command, subjects.env("startup"), work, "startup");
        int code = Jvm.await(process, Duration.ofSeconds(60));
        double ms = (System.nanoTime() - start) / 1e6;
        try {
            String err = Files.readString(work.resolve("startup.err"));
            if (code != 0 || !Files.readString(work.resolve("startup.out")).startsWith("hello")) {
                throw new IllegalStateException(name + ": exit " + code + ", stderr: " + err);
            }
            if (!err.isBlank()) {
                stderr.putIfAbsent(name, err.lines().findFirst().orElse(""));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ms;
    }

    /** Appends the table and the goal check to the report. */
    void report(Report report, Map<String, List<Double>> times, int warmups) {
        List<Double> empty = times.get(EMPTY);
        List<Double> none = times.get(NONE);
        double emptyMedian = new Stats(empty).median();
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Double>> variant : times.entrySet()) {
            Stats stats = new Stats(variant.getValue());
            rows.add(List.of(variant.getKey(), stats.summary(),
                    Report.signed(new Stats(Stats.differences(variant.getValue(), none)).median()),
                    Report.signed(new Stats(Stats.differences(variant.getValue(), empty)).median()),
                    Report.ratio(stats.median() / emptyMedian)));
        }
        report.paragraph(String.format("Hello world, start to exit, %d interleaved rounds after %d warm-up rounds. "
                + "Δ columns: median of the per-round differences. Ratio: median / median of the empty agent.",
                empty.size(), warmups));
        report.table(List.of("variant", "wall ms: median (p25–p75)", "Δ vs no agent, ms", "Δ vs empty agent, ms",
                "ratio vs empty agent"), rows);
        double over = new Stats(Stats.differences(times.get(DEFAULT), empty)).median();
        double allowed = Math.max(15, 0.10 * emptyMedian);
        report.paragraph(String.format("Goal: default options add at most max(15 ms, 10%% of the empty agent = %.1f ms) "
                + "= %.1f ms over the empty agent. Measured: %+.1f ms: **%s**.", 0.10 * emptyMedian, allowed, over,
                over <= allowed ? "met" : "not met"));
        double whole = new Stats(Stats.differences(times.get(UNTIL_RUNNING), empty)).median();
        report.paragraph(String.format("The agent starts on its own thread, beside the application's start; a JVM that "
                + "exits before the agent has created any listener does not wait for it. What the whole start costs "
                + "when the application waits for it (*%s*): %+.1f ms over the empty agent.", UNTIL_RUNNING, whole));
        stderr.forEach((name, line) -> report.paragraph("Note: *" + name + "* printed on stderr: `" + line + "`"));
    }
}
