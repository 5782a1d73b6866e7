package dev.endsession.agent.core;

/**
 * Where the JVM stands in an end-of-session round:
 * {@code IDLE → QUERYING → (AGREED | VETOED) → ENDING → ENDED}, or {@code → CANCELLED → IDLE}.
 */
public enum RoundState {
    IDLE, QUERYING, AGREED, VETOED, ENDING, ENDED, CANCELLED
}
