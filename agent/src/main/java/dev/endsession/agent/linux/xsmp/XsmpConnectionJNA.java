package dev.endsession.agent.linux.xsmp;

import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One XSMP connection through libSM and libICE: opens it, sets the properties a manager shows,
 * turns libSM's callbacks into calls on an {@link XsmpClient}, and serves the connection on the
 * calling thread, asleep in {@code poll(2)} until the manager speaks or {@link #wake} is called.
 * Only the calls: every decision is the client's. Every native call but {@link #wake} happens on the
 * serving thread. The callbacks are fields, strongly referenced for as long as libSM may call them.
 */
final class XsmpConnectionJNA implements SessionManager {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.xsmp");
    private static final int ERROR_LENGTH = 256;

    private static SmLib sm;
    private static IceLib ice;
    private static Libc libc;
    // libICE's default handlers exit() the process on an I/O or protocol error: these only log.
    private static IceLib.IOErrorHandler iceIoErrors;
    private static SmLib.ErrorHandler protocolErrors;

    private final SmLib.SaveYourselfProc onSaveYourself = new SaveYourself();
    private final SmLib.ConnectionProc onDie = new Die();
    private final SmLib.ConnectionProc onSaveComplete = new SaveComplete();
    private final SmLib.ConnectionProc onShutdownCancelled = new ShutdownCancelled();
    private final SmLib.ConnectionProc onInteract = new Interact();
    private final int[] wakePipe = new int[2];
    private boolean pipeOpen; // guarded by this: wake() must never write to a closed (maybe reused) fd
    private volatile boolean closing;
    private Pointer smc;
    private XsmpClient client;

    /**
     * Loads libSM, libICE and the C library, and sets libICE's and libSM's error handlers, once per JVM.
     *
     * @throws LinkageError if JNA or a library is missing here
     */
    static synchronized void load() {
        if (sm != null) {
            return;
        }
        libc = Native.load(Libc.LIBRARY, Libc.class);
        ice = Native.load(IceLib.LIBRARY, IceLib.class);
        SmLib loaded = Native.load(SmLib.LIBRARY, SmLib.class);
        iceIoErrors = new IoErrors();
        protocolErrors = new ProtocolErrors();
        ice.IceSetIOErrorHandler(iceIoErrors);
        ice.IceSetErrorHandler(protocolErrors);
        loaded.SmcSetErrorHandler(protocolErrors);
        sm = loaded;
    }

    /**
     * Connects and registers with the manager at {@code address} (libSM's network ids, as in
     * {@code SESSION_MANAGER}), as a new client.
     *
     * @return the client id the manager gave
     * @throws IOException with libSM's message if the manager refused or cannot be reached
     */
    String open(String address) throws IOException {
        synchronized (this) {
            if (libc.pipe2(wakePipe, Libc.O_CLOEXEC | Libc.O_NONBLOCK) != 0) {
                throw new IOException("pipe2 failed, errno " + Native.getLastError());
            }
            pipeOpen = true;
        }
        Memory callbacks = new Memory(8L * Native.POINTER_SIZE); // SmcCallbacks: four {callback, client_data}
        callbacks.clear();
        callbacks.setPointer(0, CallbackReference.getFunctionPointer(onSaveYourself));
        callbacks.setPointer(2L * Native.POINTER_SIZE, CallbackReference.getFunctionPointer(onDie));
        callbacks.setPointer(4L * Native.POINTER_SIZE, CallbackReference.getFunctionPointer(onSaveComplete));
        callbacks.setPointer(6L * Native.POINTER_SIZE, CallbackReference.getFunctionPointer(onShutdownCancelled));
        long mask = SmlibH.SmcSaveYourselfProcMask | SmlibH.SmcDieProcMask | SmlibH.SmcSaveCompleteProcMask
                | SmlibH.SmcShutdownCancelledProcMask;
        PointerByReference clientId = new PointerByReference();
        byte[] error = new byte[ERROR_LENGTH];
        smc = sm.SmcOpenConnection(address, null, SmH.SmProtoMajor, SmH.SmProtoMinor, new NativeLong(mask), callbacks, null,
                clientId, error.length, error);
        if (smc == null) {
            closePipe();
            throw new IOException(Native.toString(error, StandardCharsets.UTF_8.name()));
        }
        Pointer id = clientId.getValue();
        if (id == null) {
            return "";
        }
        String text = id.getString(0);
        libc.free(id);
        return text;
    }

    /**
     * {@code SmcSetProperties}: the properties XSMP requires of a client, and the name managers show.
     *
     * @param program {@code Program}, the one name managers show the user
     * @param command {@code RestartCommand} and {@code CloneCommand}: how this process was started
     */
    void setProperties(String program, List<String> command, String user, long pid) {
        SmProperties props = new SmProperties();
        props.add(SmH.SmProgram, SmH.SmARRAY8, List.of(program));
        props.add(SmH.SmUserID, SmH.SmARRAY8, List.of(user));
        props.add(SmH.SmProcessID, SmH.SmARRAY8, List.of(Long.toString(pid)));
        props.add(SmH.SmRestartCommand, SmH.SmLISTofARRAY8, command);
        props.add(SmH.SmCloneCommand, SmH.SmLISTofARRAY8, command);
        // The agent cannot restore the app's state: a manager must not start it again at the next login.
        props.card8(SmH.SmRestartStyleHint, SmH.SmRestartNever);
        sm.SmcSetProperties(smc, props.count(), props.array());
    }

    /**
     * Serves the connection on this thread until it is closed by the manager or by {@link #wake},
     * then closes it. {@code client} gets every message.
     */
    void serve(XsmpClient target) {
        this.client = target;
        Pointer iceConn = sm.SmcGetIceConnection(smc);
        Memory fds = new Memory(16); // two struct pollfd {int fd; short events; short revents;}
        fds.setInt(0, ice.IceConnectionNumber(iceConn));
        fds.setShort(4, Libc.POLLIN);
        fds.setInt(8, wakePipe[0]);
        fds.setShort(12, Libc.POLLIN);
        int status = SmlibH.IceProcessMessagesSuccess;
        while (!closing && status == SmlibH.IceProcessMessagesSuccess) {
            fds.setShort(6, (short) 0);
            fds.setShort(14, (short) 0);
            if (libc.poll(fds, new NativeLong(2), -1) < 0) {
                int errno = Native.getLastError();
                if (errno == Libc.EINTR) {
                    continue;
                }
                LOG.debug("poll failed, errno {}; leaving the session manager", errno);
                break;
            }
            if (fds.getShort(6) != 0) {
                status = ice.IceProcessMessages(iceConn, null, null);
            }
        }
        if (status != SmlibH.IceProcessMessagesConnectionClosed) {
            sm.SmcCloseConnection(smc, 0, null); // after an I/O error it only frees the connection
        }
        LOG.debug("Left the session manager (ICE status {})", status);
        closePipe();
    }

    /** Makes {@link #serve} close the connection and return; from any thread. */
    synchronized void wake() {
        closing = true;
        if (pipeOpen) {
            libc.write(wakePipe[1], new byte[] {1}, new NativeLong(1));
        }
    }

    private synchronized void closePipe() {
        if (pipeOpen) {
            pipeOpen = false;
            libc.close(wakePipe[0]);
            libc.close(wakePipe[1]);
        }
    }

    @Override
    public void saveYourselfDone(boolean success) {
        sm.SmcSaveYourselfDone(smc, success ? 1 : 0);
    }

    @Override
    public boolean interactRequest(int dialogType) {
        return sm.SmcInteractRequest(smc, dialogType, onInteract, null) != 0;
    }

    @Override
    public void interactDone(boolean cancelShutdown) {
        sm.SmcInteractDone(smc, cancelShutdown ? 1 : 0);
    }

    private final class SaveYourself implements SmLib.SaveYourselfProc {
        @Override
        public void invoke(Pointer smcConn, Pointer clientData, int saveType, int shutdown, int interactStyle, int fast) {
            client.saveYourself(saveType, shutdown != 0, interactStyle, fast != 0);
        }
    }

    private final class Die implements SmLib.ConnectionProc {
        @Override
        public void invoke(Pointer smcConn, Pointer clientData) {
            client.die();
        }
    }

    private final class SaveComplete implements SmLib.ConnectionProc {
        @Override
        public void invoke(Pointer smcConn, Pointer clientData) {
            client.saveComplete();
        }
    }

    private final class ShutdownCancelled implements SmLib.ConnectionProc {
        @Override
        public void invoke(Pointer smcConn, Pointer clientData) {
            client.shutdownCancelled();
        }
    }

    private final class Interact implements SmLib.ConnectionProc {
        @Override
        public void invoke(Pointer smcConn, Pointer clientData) {
            client.interact();
        }
    }

    private static final class IoErrors implements IceLib.IOErrorHandler {
        @Override
        public void invoke(Pointer iceConn) {
            LOG.debug("The connection to the session manager broke");
        }
    }

    private static final class ProtocolErrors implements SmLib.ErrorHandler {
        @Override
        public void invoke(Pointer connection, int swap, int offendingMinorOpcode, NativeLong offendingSequence, int errorClass,
                int severity, Pointer values) {
            LOG.debug("ICE or XSMP error class {} (severity {}) on opcode {}", errorClass, severity, offendingMinorOpcode);
        }
    }
}
