package dev.endsession.agent.reliability;

/** How big the suite runs: small in CI, full with {@code -Dreliability.full=true}. */
final class Scale {

    private Scale() {
    }

    static boolean full() {
        return Boolean.getBoolean("reliability.full");
    }

    /** @return {@code full} under {@code -Dreliability.full=true}, else {@code ci} */
    static int of(int ci, int full) {
        return full() ? full : ci;
    }
}
