package dev.endsession.bench;

import dev.endsession.agent.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A round over N attached JVMs (N = 1, 10, 50), modern mode, every listener answering at once.
 *
 * <p>What is timed: the harness runs the real CLI in its own JVM ({@code Cli.run}, as the tests do),
 * so the figure is the round itself, not a JVM start. One of the N apps vetoes, so every round is
 * cancelled and nothing is terminated: the same N JVMs serve many rounds. Such a round is: list the
 * session directory, connect to and greet every app (in parallel), query every app (one level, in
 * parallel), then send the cancellation to the apps that agreed and wait for each to confirm. After
 * the repeated rounds, one last {@code logoff --on-block force} ends and terminates all N (query, end,
 * {@code Exit}, wait for each process to be gone): timed once. Baseline: N = 1 (one round trip), in
 * the same run.
 *
 * <p>Why phases: the apps' code is interpreted in their first rounds and compiled (C1) only after a
 * couple of hundred, so the same round costs several times more CPU early on. A real app answers a
 * handful of rounds in its life: the early phases are what its user meets; the last phase is the
 * protocol's own cost, with the apps' code compiled. Each phase is reported on its own.
 */
final class Rounds {

    private static final String APP = "dev.endsession.bench.apps.IdleApp";
    private static final String WHAT = "N idle JVMs with the agent (`bridge=bus`) and a plugin that answers at once, on a "
            + "private session bus; the harness runs the real CLI in its own JVM (`Cli.run`, as the tests do), so the figure "
            + "is the round, not a JVM start. One app vetoes, so every round is cancelled and nothing is terminated: the same "
            + "N JVMs serve every round. Such a round: list the session directory, connect to and greet every app in "
            + "parallel, query every app (one level, in parallel), send the cancellation to the apps that agreed and wait "
            + "for each to confirm. `queryMs`/`endMs` come from the CLI's `--json`; `status --json` (list, connect, greet, "
            + "no round) is timed the same way. Last, one `logoff --on-block force` "
            + "ends and terminates all N (query, end, `Exit`, wait until each process is gone), timed once.";
    private static final Pattern QUERY_MS = Pattern.compile("\"queryMs\":(\\d+)");
    private static final Pattern END_MS = Pattern.compile("\"endMs\":(\\d+)");
    /** Status calls between round 1 (the first contact) and round 2; the first 3 untimed. */
    private static final int STATUS_CALLS = 24;

    private Rounds() {
    }

    /** Rounds {@code from} to {@code to}, counted from 1, the first an app's first query and cancel. */
    private record Phase(int from, int to) {
        String label() {
            return from == to ? "round " + from : "rounds " + from + "–" + to;
        }
    }

    /** What one N measured: per phase, the round's wall time and the apps' CPU; and the rest. */
    private record Measured(int n, List<Stats> wall, List<Double> appCpuMs, double status, double queryMs, double endMs,
            double fullMs) {
        Stats steady() {
            return wall.get(wall.size() - 1);
        }
    }

    static void report(Report report, Subjects subjects, boolean quick) throws InterruptedException {
        if (!subjects.hasBus()) {
            report.paragraph("Not measured: this agent jar has no session bus (`dev.endsession.agent.bus`).");
            return;
        }
        List<Phase> phases = quick
                ? List.of(new Phase(1, 1), new Phase(2, 10), new Phase(11, 50), new Phase(51, 100))
                : List.of(new Phase(1, 1), new Phase(2, 10), new Phase(11, 50), new Phase(51, 150), new Phase(151, 300));
        Duration settle = Duration.ofSeconds(quick ? 2 : 5);
        List<Measured> all = new ArrayList<>();
        for (int n : new int[] {1, 10, 50}) {
            all.add(measure(subjects, n, phases, settle));
        }
        report.paragraph(WHAT + String.format(" %d vetoed rounds per N, one after another, starting %d s after the last "
                + "app printed `ready`: round 1 is the apps' very first contact with an initiator, as a user's logoff at "
                + "the end of a session (for N = 1 it is also the harness's first `logoff`, so it includes the initiator's "
                + "own cold start: classes, lambdas); %d `status` calls come between rounds 1 and 2. The apps run their code interpreted in their first "
                + "rounds and compiled (C1) after a couple of hundred, so the rounds are reported by phase: a real app "
                + "answers a handful of rounds in its life (the early phases are what its user meets); the last phase is "
                + "the round with the apps' code compiled. Medians per phase; baseline: N = 1 in the same run.",
                phases.get(phases.size() - 1).to(), settle.toSeconds(), STATUS_CALLS));
        List<String> header = new ArrayList<>(List.of("N apps"));
        phases.forEach(phase -> header.add(phase.label() + ", ms"));
        header.addAll(List.of("last phase: Δ vs N = 1, ms", "ratio vs N = 1", "per extra app, ms: (T(N) − T(1)) / (N − 1)"));
        Stats single = all.get(0).steady();
        List<List<String>> rows = new ArrayList<>();
        for (Measured m : all) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(m.n())));
            for (Stats phase : m.wall()) {
                row.add(phase.count() == 1 ? Report.ms(phase.median())
                        : Report.ms(phase.median()) + " (" + Report.ms(phase.p25()) + "–" + Report.ms(phase.p75()) + ")");
            }
            double delta = m.steady().median() - single.median();
            row.addAll(List.of(m.n() == 1 ? "+0.0" : Report.signed(delta),
                    m.n() == 1 ? "1.00×" : Report.ratio(m.steady().median() / single.median()),
                    m.n() == 1 ? "" : Report.ms(delta / (m.n() - 1))));
            rows.add(row);
        }
        report.table(header, rows);
        List<String> cpuHeader = new ArrayList<>(List.of("N apps"));
        phases.forEach(phase -> cpuHeader.add("apps' CPU per round per app, " + phase.label() + ", ms"));
        cpuHeader.addAll(List.of("`status --json` (connect and greet only), ms", "slowest app's queryMs, last phase (median)",
                "slowest app's endMs (the cancel), last phase (median)", "full round: query, end, terminate all N, ms (once)"));
        List<List<String>> cpuRows = new ArrayList<>();
        for (Measured m : all) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(m.n())));
            m.appCpuMs().forEach(cpu -> row.add(String.format("%.2f", cpu)));
            row.addAll(List.of(Report.ms(m.status()), Report.ms(m.queryMs()), Report.ms(m.endMs()), Report.ms(m.fullMs())));
            cpuRows.add(row);
        }
        report.paragraph("The apps' CPU: utime + stime of every app from `/proc/<pid>/stat` before and after the phase, "
                + "divided by its rounds and by N (10 ms clock ticks summed over the phase: rough for N = 1).");
        report.table(cpuHeader, cpuRows);
        Measured fifty = all.get(all.size() - 1);
        List<String> verdicts = new ArrayList<>();
        for (int i = 1; i < phases.size(); i++) {
            double median = fifty.wall().get(i).median();
            verdicts.add(String.format("%s %.1f ms (%s)", phases.get(i).label(), median, verdict(median)));
        }
        report.paragraph(String.format("Goal: at most 50 ms in total for N = 50 (parallel fan-out: the cost grows far slower "
                + "than N). Measured over 50 apps, medians by phase: %s. The first round (the apps' first contact), once: %.1f ms. The goal is **%s** "
                + "in every phase after the first.", String.join("; ", verdicts), fifty.wall().get(0).median(),
                verdicts.stream().allMatch(v -> v.endsWith("(met)")) ? "met" : "not met"));
    }

    private static String verdict(double ms) {
        return ms <= 50 ? "met" : "not met";
    }

    private static Measured measure(Subjects subjects, int n, List<Phase> phases, Duration settle) throws InterruptedException {
        String session = "rounds" + n;
        List<Process> apps = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx32m", "-XX:TieredStopAtLevel=1",
                        subjects.agent("name=app" + i + ",bridge=bus")));
                if (i == 0) {
                    options.add("-Dbench.veto=benchmark");
                }
                String tag = session + "-" + i;
                apps.add(Jvm.start(Jvm.command(options, subjects.roundAppJar, APP), subjects.env(session), subjects.work, tag));
            }
            for (int i = 0; i < n; i++) {
                Jvm.awaitLine(apps.get(i), subjects.work, session + "-" + i, "ready", Duration.ofSeconds(180));
                // the endpoint binds off the start-up path: wait for the socket, so every round has all N
                Jvm.awaitFile(subjects.busDir.resolve(session).resolve(apps.get(i).pid() + ".sock"), Duration.ofSeconds(60));
            }
            Thread.sleep(settle.toMillis()); // let the apps' own start-up (JIT, GC) finish before timing
            long msPerTick = 1000 / Idle.clockTicksPerSecond();
            List<Stats> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> query = new ArrayList<>();
            List<Double> end = new ArrayList<>();
            List<Double> status = new ArrayList<>();
            for (Phase phase : phases) {
                if (phase == phases.get(1)) {
                    status = statusCalls(subjects, session, n); // after the first contact, before round 2
                }
                List<Double> times = new ArrayList<>();
                long ticks = appTicks(apps);
                for (int round = phase.from(); round <= phase.to(); round++) {
                    long start = System.nanoTime();
                    Run run = cli(subjects, session, "logoff", "--json");
                    times.add((System.nanoTime() - start) / 1e6);
                    if (run.code != Cli.CANCELLED) {
                        throw new IllegalStateException("expected a vetoed round over " + n + " apps: " + run.out + run.err);
                    }
                    if (phase == phases.get(phases.size() - 1)) {
                        query.add(max(QUERY_MS, run.out));
                        end.add(max(END_MS, run.out));
                    }
                }
                cpu.add((double) (appTicks(apps) - ticks) * msPerTick / times.size() / n);
                wall.add(new Stats(times));
            }
            long start = System.nanoTime();
            Run full = cli(subjects, session, "logoff", "--on-block", "force", "--json");
            double fullMs = (System.nanoTime() - start) / 1e6;
            if (full.code != Cli.ENDED) {
                throw new IllegalStateException("the forced round over " + n + " apps did not end: " + full.out + full.err);
            }
            return new Measured(n, wall, cpu, new Stats(status).median(), new Stats(query).median(), new Stats(end).median(),
                    fullMs);
        } finally {
            apps.forEach(Jvm::kill);
        }
    }

    /** @return the times of the timed {@code status --json} calls (the first 3 are not timed) */
    private static List<Double> statusCalls(Subjects subjects, String session, int n) {
        List<Double> status = new ArrayList<>();
        for (int i = 0; i < STATUS_CALLS; i++) {
            long start = System.nanoTime();
            Run run = cli(subjects, session, "status", "--json");
            if (run.code != Cli.ENDED) {
                throw new IllegalStateException("status over " + n + " apps failed: " + run.out + run.err);
            }
            if (i >= 3) {
                status.add((System.nanoTime() - start) / 1e6);
            }
        }
        return status;
    }

    private static long appTicks(List<Process> apps) {
        long ticks = 0;
        for (Process app : apps) {
            ticks += Idle.cpuTicks(app.pid());
        }
        return ticks;
    }

    private static double max(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        double max = 0;
        while (m.find()) {
            max = Math.max(max, Double.parseDouble(m.group(1)));
        }
        return max;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(Subjects subjects, String session, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(Map.of("ENDSESSION_BUS_DIR", subjects.busDir.toString(), "ENDSESSION_SESSION", session),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
