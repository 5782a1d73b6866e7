package dev.endsession.agent.bus;

import java.io.IOException;

/** The session directory cannot be trusted or used; the message is one line a user can act on. */
public final class UnsafeDirectoryException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public UnsafeDirectoryException(String message) {
        super(message);
    }
}
