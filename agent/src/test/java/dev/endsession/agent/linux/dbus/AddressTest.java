package dev.endsession.agent.linux.dbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which socket a bus address names. */
class AddressTest {

    @Test
    void aUnixPathWithItsEscapesDecoded() throws Exception {
        assertEquals(Path.of("/run/user/1000/bus"), Address.of(Bus.Kind.SESSION,
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus,guid=0123456789abcdef")));
        assertEquals(Path.of("/tmp/a b+c"), Address.of(Bus.Kind.SESSION, Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/tmp/a%20b+c")),
                "%20 is a space; a '+' stays a '+'");
    }

    @Test
    void theFirstEntryTheJdkCanReachWins() throws Exception {
        assertEquals(Path.of("/run/bus"), Address.of(Bus.Kind.SYSTEM,
                Map.of("DBUS_SYSTEM_BUS_ADDRESS", "unix:abstract=/tmp/dbus-x;tcp:host=localhost,port=1;unix:path=/run/bus")));
    }

    @Test
    void anAbstractOnlyAddressOrABadEscapeIsAnError() {
        DbusException e = assertThrows(DbusException.class,
                () -> Address.of(Bus.Kind.SESSION, Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:abstract=/tmp/dbus-XYZ,guid=1")));
        assertTrue(e.getMessage().contains("no unix:path"), e.getMessage());
        assertThrows(DbusException.class, () -> Address.of(Bus.Kind.SESSION, Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/tmp/%zz")));
        assertThrows(DbusException.class, () -> Address.of(Bus.Kind.SESSION, Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/tmp/%2")));
    }

    @Test
    void theDefaults() throws Exception {
        assertEquals(Path.of("/run/dbus/system_bus_socket"), Address.of(Bus.Kind.SYSTEM, Map.of()));
        assertEquals(Path.of("/run/user/7/bus"), Address.of(Bus.Kind.SESSION, Map.of("XDG_RUNTIME_DIR", "/run/user/7")));
        assertThrows(DbusException.class, () -> Address.of(Bus.Kind.SESSION, Map.of()));
    }
}
