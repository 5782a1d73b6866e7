package dev.endsession.testkit;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * How a round ended and what each app did. Immutable.
 *
 * @param ended {@code true} if the session ended
 * @param round the round that ran, as its command line
 * @param apps every app, in the order they were asked (highest level first)
 */
public record RoundReport(boolean ended, String round, List<AppReport> apps) {

    public RoundReport {
        apps = List.copyOf(apps);
    }

    /** @return {@code true} if a veto (or a hung app) cancelled the round */
    public boolean cancelled() {
        return !ended;
    }

    /** @return the apps that vetoed, in the order asked */
    public List<AppReport> vetoes() {
        return apps.stream().filter(AppReport::vetoed).toList();
    }

    /**
     * @param name an app's name
     * @return its report
     * @throws NoSuchElementException naming the apps there are, if none has that name
     */
    public AppReport app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No app named '" + name + "' took part; there were "
                        + apps.stream().map(AppReport::name).toList()));
    }
}
