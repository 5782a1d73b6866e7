package dev.endsession.agent.linux.dbus;

/** A D-Bus call or connection failed: the error's name and message, or the errno. */
public final class DbusException extends Exception {

    private static final long serialVersionUID = 1L;

    DbusException(String message) {
        super(message);
    }

    /** @param described the D-Bus error's {@code name: message}, or {@code null} for the errno */
    static DbusException of(String what, int result, String described) {
        return new DbusException(what + " failed: " + (described != null ? described : "errno " + -result));
    }
}
