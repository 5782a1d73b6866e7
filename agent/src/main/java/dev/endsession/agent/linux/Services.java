package dev.endsession.agent.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which services may exist here, judged from the environment and a few paths only (nothing is
 * loaded or connected for this): a session bus, a system bus, an XSMP session manager, a sandbox.
 *
 * @param sessionBus {@code DBUS_SESSION_BUS_ADDRESS}, or the default {@code $XDG_RUNTIME_DIR/bus}
 * @param systemBus {@code DBUS_SYSTEM_BUS_ADDRESS}, or the default {@code /run/dbus/system_bus_socket}
 * @param xsmp {@code SESSION_MANAGER} is set
 * @param sandboxed a Flatpak ({@code /.flatpak-info}, {@code FLATPAK_ID}) or Snap ({@code SNAP}) sandbox,
 *     where the portal is the way to the session
 */
record Services(boolean sessionBus, boolean systemBus, boolean xsmp, boolean sandboxed) {

    static Services of(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        boolean session = set(env, "DBUS_SESSION_BUS_ADDRESS") || runtime != null && Files.exists(Path.of(runtime, "bus"));
        boolean system = set(env, "DBUS_SYSTEM_BUS_ADDRESS") || Files.exists(Path.of("/run/dbus/system_bus_socket"));
        boolean sandbox = Files.exists(Path.of("/.flatpak-info")) || set(env, "FLATPAK_ID") || set(env, "SNAP");
        return new Services(session, system, set(env, "SESSION_MANAGER"), sandbox);
    }

    boolean none() {
        return !sessionBus && !systemBus && !xsmp;
    }

    private static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
