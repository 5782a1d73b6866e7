package dev.endsession.agent.cli;

import dev.endsession.agent.bus.AppOutcome;
import dev.endsession.agent.bus.Progress;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints a round's progress as it happens. On a terminal ({@code live}): who is being asked, who
 * answered what, and every second who is still silent. Otherwise plain lines, one per answer and
 * per outcome, with no ticking. Thread-safe: lines are printed whole.
 */
final class ProgressPrinter implements Progress {

    private final PrintWriter out;
    private final boolean live;
    private final long start = System.nanoTime();

    ProgressPrinter(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /**
     * @return how a command shows progress: on stdout, live on a terminal; with {@code --json}
     *     stdout holds only the object, so live progress (on a terminal) goes to stderr and none otherwise
     */
    static Progress of(picocli.CommandLine cli, boolean json) {
        boolean terminal = System.console() != null;
        if (json) {
            return terminal ? new ProgressPrinter(cli.getErr(), true) : Progress.NONE;
        }
        return new ProgressPrinter(cli.getOut(), terminal);
    }

    @Override
    public void refused(AppOutcome app) {
        line("refused    pid " + app.pid() + ": " + app.reason().substring("refused: ".length()));
    }

    @Override
    public void asking(AppOutcome app) {
        if (live) {
            line("asking     " + who(app));
        }
    }

    @Override
    public void answered(AppOutcome app) {
        String reason = app.reason().isEmpty() ? "" : ": " + app.reason();
        // A hung app's time says nothing (it never answered, or was never reached): its reason says why.
        String took = app.answer() == AppOutcome.Answer.HUNG ? "" : " in " + app.queryMillis() + " ms";
        line(String.format("%-10s %s%s%s", app.answer().json(), who(app), took, reason));
    }

    @Override
    public void slow(AppOutcome app, Duration waited) {
        if (live) {
            line(String.format("waiting    %s (%.1f s so far)", who(app), waited.toMillis() / 1000.0));
        }
    }

    @Override
    public void ending(AppOutcome app, boolean ending) {
        line((ending ? "ending     " : "cancelling ") + who(app));
    }

    @Override
    public void terminated(AppOutcome app, boolean gone) {
        line((gone ? "terminated " : "STILL ALIVE ") + who(app));
    }

    @Override
    public void exited(AppOutcome app) {
        line("exited     " + who(app) + " during its cleanup");
    }

    @Override
    public void noticed(AppOutcome app, boolean exiting) {
        line("console    " + who(app) + (exiting ? " exits" : " ignores the notice"));
    }

    private synchronized void line(String text) {
        if (live) {
            out.printf("[%6.2fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        } else {
            out.println(text);
        }
        out.flush();
    }

    static String who(AppOutcome app) {
        return app.name() + " (pid " + app.pid() + ")";
    }
}
