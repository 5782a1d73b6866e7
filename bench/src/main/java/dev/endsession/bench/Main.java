package dev.endsession.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmarks and writes {@code bench/RESULTS.md}. Usage (through {@code bench/run}):
 * {@code java -jar bench/target/benchmarks.jar [--quick] [--only startup,profile,rounds,idle,dispatch] [--out FILE]}.
 */
public final class Main {

    private static final List<String> ALL = List.of("startup", "profile", "rounds", "idle", "dispatch");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = Set.copyOf(ALL);
        Path out = Path.of("bench", "RESULTS.md");
        Path root = Path.of("");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: bench/run [--quick] [--only " + String.join(",", ALL) + "] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        Subjects subjects = new Subjects(root);
        Report report = new Report();
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16);
        String machine = Machine.describe();
        if (only.contains("startup")) {
            progress("start-up");
            int rounds = quick ? 7 : 31;
            int warmups = quick ? 2 : 5;
            Startup startup = new Startup(subjects);
            Rules.addVariants(startup, subjects);
            Map<String, List<Double>> times = startup.measure(warmups, rounds);
            startup.report(report.heading("Start-up"), times, warmups);
            Rules.note(report, subjects);
        }
        if (only.contains("profile")) {
            progress("start-up profile");
            new StartupProfile(subjects).report(report.heading("Where the start-up time goes"), quick ? 5 : 11);
        }
        if (only.contains("rounds")) {
            progress("rounds over N JVMs");
            Rounds.report(report.heading("A round over N attached JVMs"), subjects, quick);
        }
        if (only.contains("idle")) {
            progress("idle");
            new Idle(subjects).report(report.heading("Idle"), Duration.ofSeconds(quick ? 10 : 60), Duration.ofSeconds(quick ? 2 : 5));
        }
        if (only.contains("dispatch")) {
            progress("in-process dispatch (JMH)");
            Dispatch.report(report.heading("In-process dispatch (JMH)"), quick);
        }
        String command = "bench/run" + (args.length == 0 ? "" : " " + String.join(" ", args));
        String text = "# Benchmark results\n\n"
                + "Written by `" + command + "` on " + started + " UTC" + (quick ? " (**quick pass: fewer runs, shorter windows**)" : "")
                + ". Every figure is compared with a baseline measured in the same run. Regenerate with `bench/run`; "
                + "what each figure means: [README.md](README.md).\n\n"
                + "## Machine\n\n" + machine + "\n- load at the end: `" + Machine.uptime() + "`\n" + report;
        Files.writeString(out, text);
        subjects.cleanUp();
        progress("wrote " + out.toAbsolutePath());
    }

    private static void progress(String what) {
        System.out.println("bench: " + what);
        System.out.flush();
    }
}
