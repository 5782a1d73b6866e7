package dev.endsession.agent.bus.wire;

import java.io.IOException;

/** A frame that breaks the wire format; the message says how, in one line. */
public final class WireException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong with the frame */
    public WireException(String reason) {
        super(reason);
    }
}
