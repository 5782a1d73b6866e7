package dev.endsession.bench;

import dev.endsession.bench.jmh.CoordinatorBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link CoordinatorBenchmark} with JMH (forked JVMs) and reports each score against the baseline. */
final class Dispatch {

    private Dispatch() {
    }

    static void report(Report report, boolean quick) throws RunnerException {
        int forks = quick ? 1 : 2;
        int warmups = quick ? 2 : 5;
        int iterations = quick ? 3 : 5;
        TimeValue time = quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
        Options options = new OptionsBuilder()
                .include(CoordinatorBenchmark.class.getName() + "\\.")
                .forks(forks).warmupIterations(warmups).warmupTime(time)
                .measurementIterations(iterations).measurementTime(time)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double baseline = Double.NaN;
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("baselineHandoffs")) {
                baseline = r.getPrimaryResult().getScore();
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunResult r : results) {
            Result<?> primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            rows.add(List.of(name.substring(name.lastIndexOf('.') + 1),
                    String.format("%.1f ± %.1f", primary.getScore(), primary.getScoreError()),
                    Report.ratio(primary.getScore() / baseline)));
        }
        report.paragraph(String.format("JMH 1.37, %d fork(s), %d warm-up and %d measured iterations of %s, average time "
                + "per operation over %d listeners that answer at once. ± is JMH's 99.9%% confidence half-width.",
                forks, warmups, iterations, time, 10));
        report.table(List.of("benchmark", "µs/op", "ratio vs baselineHandoffs"), rows);
        report.paragraph("`query` and `queryThenCancel` reuse one coordinator, whose worker threads stay warm; `end` gets a "
                + "fresh coordinator per invocation (cleanups run once per coordinator), so it also pays for starting its "
                + "worker threads, as the one end of a JVM's life does. "
                + "`baselineHandoffs`: 10 calls handed one after another to the JDK's warm cached thread pool, each awaited.");
    }
}
