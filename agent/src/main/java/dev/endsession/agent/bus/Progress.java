package dev.endsession.agent.bus;

import java.time.Duration;

/**
 * What a round reports while it runs, for live progress. Called from the round's threads, possibly
 * concurrently; every method has a no-op default.
 */
public interface Progress {

    /** No progress reports. */
    Progress NONE = new Progress() {
    };

    /** @param app a socket entry refused before the round: not what its name says (see {@link AppOutcome#reason()}) */
    default void refused(AppOutcome app) {
    }

    /** @param app is being asked */
    default void asking(AppOutcome app) {
    }

    /** @param app has answered (see {@link AppOutcome#answer()}) */
    default void answered(AppOutcome app) {
    }

    /** @param app has not answered yet after {@code waited} */
    default void slow(AppOutcome app, Duration waited) {
    }

    /** @param app is told that the session ends ({@code ending}) or that the round is cancelled */
    default void ending(AppOutcome app, boolean ending) {
    }

    /** @param app was terminated ({@code gone}) or could not be */
    default void terminated(AppOutcome app, boolean gone) {
    }

    /** @param app hung up during its End and exited on its own (a cleanup called {@code System.exit}) */
    default void exited(AppOutcome app) {
    }

    /** @param app got the console notice and {@code exiting} or ignored it */
    default void noticed(AppOutcome app, boolean exiting) {
    }
}
