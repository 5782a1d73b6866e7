package dev.endsession.agent.bus;

import java.io.IOException;

/**
 * A socket entry the initiator will not deal with: not a plain socket of this user, or nobody it
 * can prove is the process its name says. Its pid is never signalled; the round reports it.
 */
final class RefusedPeerException extends IOException {

    private static final long serialVersionUID = 1L;

    RefusedPeerException(String message) {
        super(message);
    }
}
