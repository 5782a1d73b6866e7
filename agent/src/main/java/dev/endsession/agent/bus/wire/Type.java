package dev.endsession.agent.bus.wire;

/**
 * The one-byte message type that follows the version byte in every frame. Plain constants, not an
 * enum with each record's class: an enum would load all ten records (and a switch over it one more
 * class) the first time any frame is read, and the app side pays every class it loads.
 */
final class Type {
    static final int HELLO = 1;
    static final int INFO = 2;
    static final int QUERY = 3;
    static final int ANSWER = 4;
    static final int END = 5;
    static final int ENDED = 6;
    static final int NOTICE = 7;
    static final int EXIT = 8;
    static final int ACK = 9;
    static final int FAILURE = 10;

    private Type() {
    }
}
