package dev.endsession.agent.linux.xsmp;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The functions of libICE ({@code <X11/ICE/ICElib.h>}) the XSMP client calls, under their C names.
 * Not API. No {@code INSTANCE} field: reading this interface must not load the library.
 */
interface IceLib extends Library {

    /** The library, by its soname. */
    String LIBRARY = "libICE.so.6";

    /** {@code IceIOErrorHandler}. */
    interface IOErrorHandler extends Callback {
        void invoke(Pointer iceConn);
    }

    int IceConnectionNumber(Pointer iceConn);

    int IceProcessMessages(Pointer iceConn, Pointer replyWait, Pointer replyReadyRet);

    Pointer IceSetIOErrorHandler(IOErrorHandler handler);

    /** Takes an {@code IceErrorHandler}: the same C signature as libSM's {@code SmcErrorHandler}. */
    Pointer IceSetErrorHandler(SmLib.ErrorHandler handler);
}
