package dev.endsession.agent.linux.dbus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * The socket of a bus, from its address ({@code DBUS_SESSION_BUS_ADDRESS}, {@code DBUS_SYSTEM_BUS_ADDRESS})
 * or the defaults. Only {@code unix:path=}: the JDK's Unix sockets have no abstract names, so a bus
 * only at {@code unix:abstract=} (dbus-launch's) is out of reach.
 *
 * @see <a href="https://dbus.freedesktop.org/doc/dbus-specification.html#addresses">addresses</a>
 */
final class Address {

    private Address() {
    }

    static Path of(Bus.Kind kind, Map<String, String> env) throws DbusException {
        String variable = kind == Bus.Kind.SESSION ? "DBUS_SESSION_BUS_ADDRESS" : "DBUS_SYSTEM_BUS_ADDRESS";
        String address = env.get(variable);
        if (address == null || address.isBlank()) {
            if (kind == Bus.Kind.SYSTEM) {
                return Path.of("/run/dbus/system_bus_socket");
            }
            String runtime = env.get("XDG_RUNTIME_DIR");
            if (runtime == null) {
                throw new DbusException("no session bus: neither DBUS_SESSION_BUS_ADDRESS nor XDG_RUNTIME_DIR is set");
            }
            return Path.of(runtime, "bus");
        }
        for (String entry : address.split(";")) {
            if (entry.startsWith("unix:")) {
                for (String pair : entry.substring("unix:".length()).split(",")) {
                    if (pair.startsWith("path=")) {
                        return Path.of(unescape(pair.substring("path=".length())));
                    }
                }
            }
        }
        throw new DbusException(variable + " has no unix:path the JDK can connect to: " + address);
    }

    /** @return {@code value} with its {@code %XX} escapes decoded (the only escaping addresses have; a '+' is a '+') */
    static String unescape(String value) throws DbusException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else if (i + 2 < value.length() && HexFormat.isHexDigit(value.charAt(i + 1)) && HexFormat.isHexDigit(value.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(value, i + 1, i + 3));
                i += 2;
            } else {
                throw new DbusException("a bus address with a bad escape: " + value);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
