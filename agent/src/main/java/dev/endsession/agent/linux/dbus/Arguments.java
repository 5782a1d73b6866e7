package dev.endsession.agent.linux.dbus;

/**
 * Appends a method call's arguments to an sd-bus message, by signature, with non-variadic calls.
 * The arguments follow {@code sd_bus_message_append}'s convention: {@code s}, {@code o} a String;
 * {@code b}, {@code u} an int; {@code t} a long; {@code a{sv}} the entry count, then per entry its
 * key, its value's one-letter type and the value.
 */
final class Arguments {

    private Arguments() {
    }

    static void append(long message, String types, Object... args) throws DbusException {
        int next = 0;
        for (int t = 0; t < types.length(); t++) {
            char type = types.charAt(t);
            if (type == 'a' && types.startsWith("a{sv}", t)) {
                int entries = (Integer) args[next++];
                Message.check("open a{sv}", SdBus.openContainer(message, 'a', Natives.cString("{sv}")));
                for (int e = 0; e < entries; e++) {
                    Message.check("open {sv}", SdBus.openContainer(message, 'e', Natives.cString("sv")));
                    basic(message, 's', args[next++]);
                    String variant = (String) args[next++];
                    Message.check("open v", SdBus.openContainer(message, 'v', Natives.cString(variant)));
                    basic(message, variant.charAt(0), args[next++]);
                    Message.check("close v", SdBus.closeContainer(message));
                    Message.check("close {sv}", SdBus.closeContainer(message));
                }
                Message.check("close a{sv}", SdBus.closeContainer(message));
                t += "a{sv}".length() - 1;
            } else {
                basic(message, type, args[next++]);
            }
        }
    }

    private static void basic(long message, char type, Object value) throws DbusException {
        Object in = switch (type) {
            case 's', 'o' -> Natives.cString((String) value);
            case 'b' -> new int[] {value instanceof Boolean b ? (b ? 1 : 0) : (Integer) value};
            case 'u', 'i' -> new int[] {(Integer) value};
            case 't', 'x' -> new long[] {(Long) value};
            default -> throw new IllegalArgumentException("no appending of D-Bus type " + type);
        };
        Message.check("append " + type, SdBus.appendBasic(message, type, in));
    }
}
