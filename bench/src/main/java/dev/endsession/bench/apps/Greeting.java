package dev.endsession.bench.apps;

/** What the start-up benchmark's rules track: never pending, nothing to close. */
public final class Greeting {

    public boolean isPending() {
        return false;
    }

    public String text() {
        return "hello";
    }

    public void close() {
        // nothing to release
    }
}
