package dev.endsession.agent.linux.xsmp;

/**
 * The constants of {@code <X11/SM/SMlib.h>} and {@code <X11/ICE/ICElib.h>} this package uses, under
 * their C names; checked against the installed headers by {@code SmHeadersTest}. Not API.
 */
final class SmlibH {

    static final long SmcSaveYourselfProcMask = 1L << 0;
    static final long SmcDieProcMask = 1L << 1;
    static final long SmcSaveCompleteProcMask = 1L << 2;
    static final long SmcShutdownCancelledProcMask = 1L << 3;

    /** {@code IceProcessMessagesStatus}: 0 success, 1 I/O error, 2 connection closed. */
    static final int IceProcessMessagesSuccess = 0;
    static final int IceProcessMessagesIOError = 1;
    static final int IceProcessMessagesConnectionClosed = 2;

    private SmlibH() {
    }
}
