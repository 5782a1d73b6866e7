package dev.endsession.testkit;

import dev.endsession.agent.bus.AppOutcome;
import dev.endsession.agent.bus.Progress;
import dev.endsession.agent.bus.Round;
import dev.endsession.agent.bus.RoundResult;
import dev.endsession.agent.core.EndReport;
import dev.endsession.agent.core.Policy;
import dev.endsession.api.Prompt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A session of simulated apps in the test's own JVM. Rounds run the session bus initiator's own
 * rules ({@code Round}) over each app's coordinator, so what passes here behaves the same way on
 * the bus; nothing is spawned and nothing is killed. Not thread-safe: set it up from the test.
 */
public final class SimulatedSession {

    private final List<SimulatedApp> apps = new ArrayList<>();
    private Duration listenerBudget = Policy.DEFAULT_LISTENER_BUDGET;
    private Prompt user;

    /**
     * @param name the app's name, unique in this session
     * @return a new app; add listeners to it
     */
    public SimulatedApp app(String name) {
        Objects.requireNonNull(name, "name");
        if (apps.stream().anyMatch(a -> a.name().equals(name))) {
            throw new IllegalArgumentException("There is already an app named '" + name + "' in this session");
        }
        Policy policy = Policy.defaults().withListenerBudget(listenerBudget).withPrompt(user == null ? dev.endsession.agent.core.Prompts.NONE : user);
        SimulatedApp app = new SimulatedApp(name, apps.size() + 1, policy);
        apps.add(app);
        return app;
    }

    /**
     * @param budget how long each listener may take to answer
     * @return this session
     * @throws IllegalStateException once an app was added (it keeps the budget it was made with)
     */
    public SimulatedSession listenerBudget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        beforeAnyApp("listenerBudget");
        listenerBudget = budget;
        return this;
    }

    /**
     * Puts a user in front of the screen: listeners may prompt, and every prompt gets {@code answer} at once.
     *
     * @param answer what the user chooses
     * @return this session
     * @throws IllegalStateException once an app was added (its listeners were made without a user)
     */
    public SimulatedSession userAnswers(Prompt.Answer answer) {
        Objects.requireNonNull(answer, "answer");
        beforeAnyApp("userAnswers");
        user = (question, timeout, ifNoAnswer) -> answer;
        return this;
    }

    private void beforeAnyApp(String setting) {
        if (!apps.isEmpty()) {
            throw new IllegalStateException("Call " + setting + "(...) before the first session.app(...): "
                    + "the apps are made with the session's settings");
        }
    }

    /** @return the outcome of {@code endsession logoff} */
    public RoundReport logoff() {
        return run(RoundSpec.logoff());
    }

    /** @return the outcome of {@code endsession shutdown} */
    public RoundReport shutdown() {
        return run(RoundSpec.shutdown());
    }

    /**
     * @param spec how the round runs
     * @return what happened
     * @throws IllegalStateException if the session has no app
     */
    public RoundReport run(RoundSpec spec) {
        if (apps.isEmpty()) {
            throw new IllegalStateException("The session has no app: add one with session.app(\"name\")");
        }
        List<InProcessApp> attached = apps.stream().filter(a -> !a.terminated()).map(a -> new InProcessApp(a, user != null)).toList();
        RoundResult result = Round.run(attached, spec.options(), Progress.NONE);
        return new RoundReport(result.ended(), spec.toString(), result.apps().stream().map(this::report).toList());
    }

    private AppReport report(AppOutcome outcome) {
        SimulatedApp app = apps.get((int) outcome.pid() - 1);
        EndReport cleanup = app.cleanup();
        return new AppReport(outcome.name(), outcome.answer().json(), outcome.reason(), millis(outcome.queryMillis()),
                millis(outcome.endMillis()), outcome.ended(), outcome.terminated(),
                cleanup == null ? List.of() : cleanup.finished(), cleanup == null ? List.of() : cleanup.overran());
    }

    static Duration millis(long value) {
        return value < 0 ? null : Duration.ofMillis(value);
    }
}
