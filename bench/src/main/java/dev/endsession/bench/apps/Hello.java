package dev.endsession.bench.apps;

/**
 * The start-up benchmark's subject: prints one line and exits. It makes one {@link Greeting}, the
 * object the benchmark's rules files are about (tracked, or reached through {@link #greeting()}).
 */
public final class Hello {

    private static final Greeting GREETING = new Greeting();

    private Hello() {
    }

    /** @return the one greeting: the static accessor a rule may name */
    public static Greeting greeting() {
        return GREETING;
    }

    public static void main(String[] args) {
        System.out.println(GREETING.text());
    }
}
