package dev.endsession.agent.linux.dbus;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * sd-bus and libc, loaded on first use (by the bridge's start, never before): libsystemd where it
 * exists, which most Linux systems have even without systemd as init, else elogind's copy of the same API.
 */
final class Natives {

    private static final String[] SD_BUS = {"libsystemd.so.0", "libelogind.so.0"};

    static final SdBus SD = loadSdBus();
    // By its file name: "c" makes JNA search with ldconfig -p, a child process, at every start.
    static final LibC C = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

    private Natives() {
    }

    private static SdBus loadSdBus() {
        UnsatisfiedLinkError last = null;
        for (String name : SD_BUS) {
            try {
                return Native.load(name, SdBus.class);
            } catch (UnsatisfiedLinkError e) {
                last = e;
            }
        }
        throw last;
    }
}
