package dev.endsession.agent.linux.dbus;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** {@code sd_bus_error}: a failed call's D-Bus error name and message. Not API. */
@Structure.FieldOrder({"name", "message", "needFree"})
public final class BusError extends Structure {
    public Pointer name;
    public Pointer message;
    public int needFree;

    /** @return {@code name: message}, or {@code null} if no error was set */
    String describe() {
        read();
        if (name == null) {
            return null;
        }
        return name.getString(0) + (message == null ? "" : ": " + message.getString(0));
    }
}
