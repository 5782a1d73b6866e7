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

    /**
     * With {@code -Dbench.awaitAgent=true}, first waits until the EndSession agent runs (it starts
     * beside the application; {@code isAgentPresent} waits for it), so the start-up benchmark can
     * time the agent's whole start as well as the application's. Through reflection: the API is on
     * the class path only when our agent is.
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        if (Boolean.getBoolean("bench.awaitAgent")) {
            Object running = Class.forName("dev.endsession.api.EndSession").getMethod("isAgentPresent").invoke(null);
            if (!Boolean.TRUE.equals(running)) {
                throw new IllegalStateException("the EndSession agent did not start");
            }
        }
        System.out.println(GREETING.text());
    }
}
