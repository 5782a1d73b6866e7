package dev.endsession.agent.windows;

/** A Win32 call failed; {@link #code()} is what {@code GetLastError} said. */
final class Win32Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    Win32Failure(String function, int code) {
        super(function + " failed with error " + code);
        this.code = code;
    }

    /** @return the Win32 error code */
    int code() {
        return code;
    }
}
