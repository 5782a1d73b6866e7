package dev.endsession.agent.linux.xsmp;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code SmProp *[]} for {@code SmcSetProperties}, laid out by hand ({@code <X11/SM/SMlib.h>}):
 * {@code SmPropValue {int length; SmPointer value;}} and
 * {@code SmProp {char *name; char *type; int num_vals; SmPropValue *vals;}}, natural alignment.
 * Holds every block it points to, so all stay alive until the call has copied them.
 */
final class SmProperties {

    private static final int P = Native.POINTER_SIZE;

    private final List<Memory> blocks = new ArrayList<>();
    private final List<Memory> props = new ArrayList<>();

    /** A property of {@code type} with these string values. */
    void add(String name, String type, List<String> values) {
        List<byte[]> bytes = new ArrayList<>();
        for (String value : values) {
            bytes.add(value.getBytes(StandardCharsets.UTF_8));
        }
        add(name, type, bytes.toArray(new byte[0][]));
    }

    /** A {@code CARD8} property: one byte. */
    void card8(String name, int value) {
        add(name, SmH.SmCARD8, new byte[][] {{(byte) value}});
    }

    private void add(String name, String type, byte[][] values) {
        Memory vals = keep(new Memory(2L * P * Math.max(1, values.length))); // each SmPropValue: int, padded, pointer
        for (int i = 0; i < values.length; i++) {
            Memory value = keep(new Memory(Math.max(1, values[i].length)));
            value.write(0, values[i], 0, values[i].length);
            vals.setInt(2L * P * i, values[i].length);
            vals.setPointer(2L * P * i + P, value);
        }
        Memory prop = keep(new Memory(4L * P)); // name, type, num_vals (padded to a pointer), vals
        prop.setPointer(0, cString(name));
        prop.setPointer(P, cString(type));
        prop.setInt(2L * P, values.length);
        prop.setPointer(3L * P, vals);
        props.add(prop);
    }

    /** @return how many properties */
    int count() {
        return props.size();
    }

    /** @return the {@code SmProp **} to pass */
    Pointer array() {
        Memory array = keep(new Memory((long) P * Math.max(1, props.size())));
        for (int i = 0; i < props.size(); i++) {
            array.setPointer((long) P * i, props.get(i));
        }
        return array;
    }

    private Pointer cString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        Memory memory = keep(new Memory(bytes.length + 1L));
        memory.write(0, bytes, 0, bytes.length);
        memory.setByte(bytes.length, (byte) 0);
        return memory;
    }

    private Memory keep(Memory memory) {
        blocks.add(memory);
        return memory;
    }
}
