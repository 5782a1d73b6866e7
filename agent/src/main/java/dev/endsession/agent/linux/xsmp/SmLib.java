package dev.endsession.agent.linux.xsmp;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The functions of libSM ({@code <X11/SM/SMlib.h>}) the XSMP client calls, under their C names.
 * Not API. No {@code INSTANCE} field: reading this interface must not load the library.
 */
interface SmLib extends Library {

    /** The library, by its soname: the unversioned {@code libSM.so} comes only with libsm-dev. */
    String LIBRARY = "libSM.so.6";

    /** {@code SmcSaveYourselfProc}. */
    interface SaveYourselfProc extends Callback {
        void invoke(Pointer smcConn, Pointer clientData, int saveType, int shutdown, int interactStyle, int fast);
    }

    /** {@code SmcDieProc}, {@code SmcSaveCompleteProc}, {@code SmcShutdownCancelledProc}, {@code SmcInteractProc}. */
    interface ConnectionProc extends Callback {
        void invoke(Pointer smcConn, Pointer clientData);
    }

    /** {@code SmcErrorHandler}, and libICE's {@code IceErrorHandler}, which has the same signature. */
    interface ErrorHandler extends Callback {
        void invoke(Pointer connection, int swap, int offendingMinorOpcode, NativeLong offendingSequence, int errorClass,
                int severity, Pointer values);
    }

    Pointer SmcOpenConnection(String networkIdsList, Pointer context, int xsmpMajorRev, int xsmpMinorRev, NativeLong mask,
            Pointer callbacks, String previousId, PointerByReference clientIdRet, int errorLength, byte[] errorStringRet);

    void SmcSetProperties(Pointer smcConn, int numProps, Pointer props);

    int SmcInteractRequest(Pointer smcConn, int dialogType, ConnectionProc interactProc, Pointer clientData);

    void SmcInteractDone(Pointer smcConn, int cancelShutdown);

    void SmcSaveYourselfDone(Pointer smcConn, int success);

    int SmcCloseConnection(Pointer smcConn, int count, Pointer reasonMsgs);

    Pointer SmcGetIceConnection(Pointer smcConn);

    Pointer SmcSetErrorHandler(ErrorHandler handler);
}
