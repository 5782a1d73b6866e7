package dev.endsession.agent.bus.wire;

/**
 * The wire format's hard limits. A frame that exceeds any of them is rejected before anything is
 * allocated for it, so a hostile peer cannot make an endpoint allocate more than {@link #MAX_FRAME}.
 */
public final class Bounds {

    /** The protocol version this build speaks; frames of any other version are rejected. */
    public static final int VERSION = 1;
    /** Largest frame body (version byte, type byte and payload), in bytes. */
    public static final int MAX_FRAME = 64 * 1024;
    /** Largest string, in UTF-8 bytes (a 256-character block reason fits, as on Windows). */
    public static final int MAX_STRING = 1024;
    /** Most entries in one list (block reasons, listener names). */
    public static final int MAX_LIST = 64;
    /** Longest deadline a frame may carry, in milliseconds (one hour). */
    public static final long MAX_MILLIS = 3_600_000L;

    private Bounds() {
    }
}
