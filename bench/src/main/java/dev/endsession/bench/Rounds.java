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

    private Rounds() {
    }

    static void report(Report report, Subjects subjects, boolean quick) throws InterruptedException {
        if (!subjects.hasBus()) {
            report.paragraph("Not measured: this agent jar has no session bus (`dev.endsession.agent.bus`).");
            return;
        }
        int repeats = quick ? 5 : 21;
        Duration settle = Duration.ofSeconds(quick ? 2 : 5);
        List<List<String>> rows = new ArrayList<>();
        double single = Double.NaN;
        for (int n : new int[] {1, 10, 50}) {
            List<String> row = measure(subjects, n, repeats, settle, single);
            if (n == 1) {
                single = Double.parseDouble(row.get(1).split(" ")[0]);
            }
            rows.add(row);
        }
        report.paragraph(WHAT + String.format(" %d vetoed rounds per N, after 3 warm-up rounds, starting %d s after "
                + "the last app printed `ready`; medians. Baseline: N = 1, one round trip.", repeats, settle.toSeconds()));
        report.table(List.of("N apps", "vetoed round, ms (median, p25–p75)", "Δ vs N = 1, ms", "ratio vs N = 1",
                "per extra app, ms: (T(N) − T(1)) / (N − 1)", "`status --json` (connect and greet only), ms", "slowest app's queryMs (median)",
                "slowest app's endMs (the cancel, median)", "first vetoed round, ms (once: each app's first query and cancel, cold)",
                "full round: query, end, terminate all N, ms (once)"), rows);
        double fifty = Double.parseDouble(rows.get(rows.size() - 1).get(1).split(" ")[0]);
        report.paragraph(String.format("Goal: at most 50 ms in total for N = 50 (parallel fan-out: the cost grows far slower "
                + "than N). Measured: %.1f ms: **%s**.", fifty, fifty <= 50 ? "met" : "not met"));
        report.paragraph("The first vetoed round comes after the `status` calls, so the apps' connection code has run "
                + "before; their coordinator's query and cancel have not. In a real session an app answers a handful of "
                + "rounds in its life, so that first round is closer to what a user waits for.");
    }

    private static List<String> measure(Subjects subjects, int n, int repeats, Duration settle, double single)
            throws InterruptedException {
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
            List<Double> status = new ArrayList<>();
            for (int i = 0; i < repeats + 3; i++) {
                long start = System.nanoTime();
                Run run = cli(subjects, session, "status", "--json");
                if (run.code != Cli.ENDED) {
                    throw new IllegalStateException("status over " + n + " apps failed: " + run.out + run.err);
                }
                if (i >= 3) {
                    status.add((System.nanoTime() - start) / 1e6);
                }
            }
            List<Double> times = new ArrayList<>();
            List<Double> query = new ArrayList<>();
            List<Double> end = new ArrayList<>();
            double first = Double.NaN;
            for (int i = 0; i < repeats + 3; i++) {
                long start = System.nanoTime();
                Run run = cli(subjects, session, "logoff", "--json");
                double ms = (System.nanoTime() - start) / 1e6;
                if (run.code != Cli.CANCELLED) {
                    throw new IllegalStateException("expected a vetoed round over " + n + " apps: " + run.out + run.err);
                }
                if (i == 0) {
                    first = ms; // the apps' first query and cancel: their code runs cold, as in a real session
                }
                if (i >= 3) {
                    times.add(ms);
                    query.add(max(QUERY_MS, run.out));
                    end.add(max(END_MS, run.out));
                }
            }
            long start = System.nanoTime();
            Run full = cli(subjects, session, "logoff", "--on-block", "force", "--json");
            double fullMs = (System.nanoTime() - start) / 1e6;
            if (full.code != Cli.ENDED) {
                throw new IllegalStateException("the forced round over " + n + " apps did not end: " + full.out + full.err);
            }
            Stats stats = new Stats(times);
            double median = stats.median();
            return List.of(Integer.toString(n), Report.ms(median) + " (" + Report.ms(stats.p25()) + "–" + Report.ms(stats.p75()) + ")",
                    n == 1 ? "+0.0" : Report.signed(median - single), n == 1 ? "1.00×" : Report.ratio(median / single),
                    n == 1 ? "" : Report.ms((median - single) / (n - 1)), Report.ms(new Stats(status).median()),
                    Report.ms(new Stats(query).median()), Report.ms(new Stats(end).median()), Report.ms(first), Report.ms(fullMs));
        } finally {
            apps.forEach(Jvm::kill);
        }
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
