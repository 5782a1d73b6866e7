package dev.endsession.agent.bus;

/** The session bus cannot be used for this request (no bus, no app, a round already running); one line. */
public final class BusException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do */
    public BusException(String message) {
        super(message);
    }
}
