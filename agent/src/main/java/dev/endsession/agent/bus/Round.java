package dev.endsession.agent.bus;

import dev.endsession.agent.bus.RoundOptions.Mode;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One end-of-session round over a set of {@link App}s: the initiator's rules, the same whether the
 * apps are processes on the session bus or listeners in a test's JVM.
 *
 * <ul>
 *   <li>Windows phase (services take no part: they have no window in the user's session): in
 *       {@linkplain Mode#MODERN modern} mode every app is queried, highest level first, the apps of
 *       one level in parallel; if nobody blocked, every app is ended and terminated, else each
 *       blocker is reported and the others are told the round is cancelled (or, with
 *       {@code onBlockForce}, ended anyway). In {@linkplain Mode#CLASSIC classic} mode apps are
 *       asked one at a time; one that agrees is ended and terminated at once; the first that
 *       blocks cancels the round and later apps are not asked. {@code force} skips the query.</li>
 *   <li>Hung: an app that does not answer within the hung timeout, or whose answer a listener held
 *       up until that timeout, is hung. It blocks the round, unless {@code forceIfHung}: then it is
 *       killed.</li>
 *   <li>Console phase: once the session ended, processes still alive get the console notice.</li>
 *   <li>{@code notifyOnly} (another session): queries and ends are sent, nothing is terminated.</li>
 * </ul>
 */
public final class Round {

    /** Slack over the hung timeout for the reply to travel back (the app answers by the timeout). */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private final RoundOptions options;
    private final Progress progress;
    private final Set<Reason> reasons;
    private final Map<App, AppOutcome> outcomes = new LinkedHashMap<>();
    private final Set<App> replied = new HashSet<>();
    private final Fanout fanout;

    private Round(RoundOptions options, Progress progress, Fanout fanout) {
        this.options = options;
        this.progress = progress;
        this.reasons = options.reasons();
        this.fanout = fanout;
    }

    /**
     * Runs a round. Never throws for an app's misbehaviour: that is part of the result.
     *
     * @param apps the apps in the session (connected)
     * @param options how to run it
     * @param progress told of each step as it happens
     * @return the outcome
     */
    public static RoundResult run(List<? extends App> apps, RoundOptions options, Progress progress) {
        try (Fanout fanout = new Fanout()) {
            return run(apps, options, progress, fanout);
        }
    }

    /** As {@link #run(List, RoundOptions, Progress)}, on the threads of {@code fanout} (the caller closes it). */
    static RoundResult run(List<? extends App> apps, RoundOptions options, Progress progress, Fanout fanout) {
        return new Round(options, progress, fanout).run(apps);
    }

    private RoundResult run(List<? extends App> apps) {
        List<App> ordered = new ArrayList<>(apps);
        ordered.sort(Comparator.comparingInt(App::level).reversed().thenComparingLong(App::pid));
        ordered.forEach(app -> outcomes.put(app, new AppOutcome(app)));
        List<App> windows = ordered.stream().filter(app -> !app.service()).toList();
        boolean ended = options.mode() == Mode.CLASSIC && !options.force() ? classic(windows) : modern(windows);
        if (ended && !options.notifyOnly()) {
            console(ordered);
        }
        return new RoundResult(ended, options, List.copyOf(outcomes.values()));
    }

    private boolean modern(List<App> windows) {
        Map<Integer, List<App>> levels = byLevel(windows);
        if (!options.force()) {
            levels.values().forEach(this::query);
            boolean blocked = windows.stream().anyMatch(this::blocks);
            if (blocked && !options.onBlockForce()) {
                cancel(windows.stream().filter(this::replied).toList());
                return false;
            }
        }
        levels.values().forEach(this::endAndTerminate);
        return true;
    }

    private boolean classic(List<App> windows) {
        for (App app : windows) {
            query(List.of(app));
            if (blocks(app) && !options.onBlockForce()) {
                cancel(replied(app) ? List.of(app) : List.of());
                return false; // later apps are not asked
            }
            endAndTerminate(List.of(app));
        }
        return true;
    }

    private void query(List<App> apps) {
        apps.forEach(app -> progress.asking(outcomes.get(app)));
        var replies = fanout.call(apps, options.timeout().plus(MARGIN), app -> app.query(reasons, options.timeout()),
                (app, waited) -> progress.slow(outcomes.get(app), waited));
        replies.forEach((app, reply) -> progress.answered(classify(app, reply)));
    }

    private AppOutcome classify(App app, Fanout.Reply<App.Answer> reply) {
        AppOutcome outcome = outcomes.get(app);
        if (reply.timedOut()) {
            app.close(); // give up on it: on the bus this also ends its lease
            outcome.answered(AppOutcome.Answer.HUNG, "no answer within " + options.timeout().toMillis() + " ms", reply.millis());
            return outcome;
        }
        if (reply.error() != null) {
            outcome.answered(AppOutcome.Answer.HUNG, "no answer: " + reply.error().getMessage(), reply.millis());
            return outcome;
        }
        synchronized (replied) {
            replied.add(app);
        }
        App.Answer answer = reply.value();
        if (answer.vetoed()) {
            outcome.answered(AppOutcome.Answer.VETO, String.join("; ", answer.blockReasons()), reply.millis());
        } else if (!answer.hungListeners().isEmpty() && reply.millis() >= options.timeout().toMillis() * 9 / 10) {
            // A listener held the app's answer until the round's deadline: as Windows sees it, the app hung.
            outcome.answered(AppOutcome.Answer.HUNG, "not responding: " + String.join(", ", answer.hungListeners()),
                    reply.millis());
        } else if (!answer.hungListeners().isEmpty()) {
            // Cut off by its own, shorter budget: the app still answered in time, and agreed.
            outcome.answered(AppOutcome.Answer.OK, "over budget, counted as allow: " + String.join(", ",
                    answer.hungListeners()), reply.millis());
        } else {
            outcome.answered(AppOutcome.Answer.OK, "", reply.millis());
        }
        return outcome;
    }

    private boolean blocks(App app) {
        AppOutcome.Answer answer = outcomes.get(app).answer();
        return answer == AppOutcome.Answer.VETO || (answer == AppOutcome.Answer.HUNG && !options.forceIfHung());
    }

    /** An app that replied to its query (even with a hung listener) has a round open and must hear how it ends. */
    private boolean replied(App app) {
        synchronized (replied) {
            return replied.contains(app);
        }
    }

    private void cancel(List<App> apps) {
        apps.forEach(app -> progress.ending(outcomes.get(app), false));
        var replies = fanout.call(apps, options.timeout().plus(MARGIN),
                app -> app.end(reasons, false, options.timeout()), (app, waited) -> progress.slow(outcomes.get(app), waited));
        replies.forEach((app, reply) -> outcomes.get(app).cancelled(reply.millis()));
    }

    private void endAndTerminate(List<App> apps) {
        List<App> hung = apps.stream().filter(app -> outcomes.get(app).answer() == AppOutcome.Answer.HUNG
                && options.forceIfHung()).toList();
        List<App> ending = apps.stream().filter(app -> !hung.contains(app)).toList();
        ending.forEach(app -> progress.ending(outcomes.get(app), true));
        var replies = fanout.call(ending, options.timeout().plus(MARGIN), app -> app.end(reasons, true, options.timeout()),
                (app, waited) -> progress.slow(outcomes.get(app), waited));
        Map<App, Ending> how = new LinkedHashMap<>();
        replies.forEach((app, reply) -> {
            if (reply.ok()) {
                outcomes.get(app).ended(reply.millis());
            } else {
                app.close();
            }
            // An app that hung up mid-cleanup is on its way out (a cleanup called System.exit): let it finish.
            how.put(app, reply.ok() ? Ending.ASK : reply.timedOut() ? Ending.KILL : Ending.AWAIT);
        });
        hung.forEach(app -> how.put(app, Ending.KILL));
        if (options.notifyOnly()) {
            return;
        }
        how.keySet().removeIf(app -> app.pid() == options.selfPid()); // the initiator's own JVM ends itself last
        terminate(how);
    }

    /** How an app is terminated. */
    private enum Ending {
        /** Sent {@code Exit}; killed if still alive after the grace period. */
        ASK,
        /** Killed at once: it hung. */
        KILL,
        /**
         * Given its End's time and then the grace period to exit on its own, unsignalled: it hung up
         * during its End (its JVM's exit waits for the End's cleanups until the End's deadline). Killed after it.
         */
        AWAIT
    }

    /** Terminates each app as {@code how} says and records whether (and how) it is gone. */
    private void terminate(Map<App, Ending> how) {
        Duration grace = options.timeout();
        var gone = fanout.call(List.copyOf(how.keySet()), grace.multipliedBy(3).plus(MARGIN),
                app -> leave(app, how.get(app), grace), (app, waited) -> progress.slow(outcomes.get(app), waited));
        gone.forEach((app, reply) -> {
            AppOutcome.Exit exit = reply.ok() ? reply.value() : AppOutcome.Exit.ALIVE;
            AppOutcome outcome = outcomes.get(app);
            outcome.left(exit);
            if (exit == AppOutcome.Exit.DURING_CLEANUP) {
                progress.exited(outcome);
            } else {
                progress.terminated(outcome, exit == AppOutcome.Exit.TERMINATED);
            }
        });
    }

    private AppOutcome.Exit leave(App app, Ending how, Duration grace) {
        if (how == Ending.AWAIT && app.awaitExit(options.timeout().plus(grace))) {
            return AppOutcome.Exit.DURING_CLEANUP;
        }
        return app.terminate(how == Ending.ASK, grace) ? AppOutcome.Exit.TERMINATED : AppOutcome.Exit.ALIVE;
    }

    private void console(List<App> apps) {
        List<App> alive = apps.stream().filter(app -> !outcomes.get(app).terminated() && app.pid() != options.selfPid()
                && app.alive()).toList();
        var replies = fanout.call(alive, options.timeout().plus(MARGIN), app -> app.notice(reasons, options.timeout()),
                (app, waited) -> progress.slow(outcomes.get(app), waited));
        Map<App, Ending> exiting = new LinkedHashMap<>();
        replies.forEach((app, reply) -> {
            boolean leaving = reply.ok() && reply.value();
            progress.noticed(outcomes.get(app), leaving);
            if (leaving) {
                exiting.put(app, Ending.ASK); // it exits on its own; killed only if still there after the grace period
            }
        });
        terminate(exiting);
    }

    private static Map<Integer, List<App>> byLevel(List<App> apps) {
        Map<Integer, List<App>> levels = new TreeMap<>(Comparator.reverseOrder());
        apps.forEach(app -> levels.computeIfAbsent(app.level(), level -> new ArrayList<>()).add(app));
        return levels;
    }
}
