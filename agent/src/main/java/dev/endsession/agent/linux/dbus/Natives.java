package dev.endsession.agent.linux.dbus;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * How {@link LibC} reaches native code without waking JNA's {@code JNA Cleaner} thread: that thread
 * starts at the first object registered with JNA's cleaner (every loaded {@code NativeLibrary}, every
 * {@code Memory}, {@code ByReference}, {@code Structure}, callback and {@code String} argument) and
 * wakes every 30 s while one stays registered. So here: libraries opened and symbols found through
 * JNA's own {@code dlopen}/{@code dlsym} natives, no {@code NativeLibrary}; functions called as plain
 * {@link Function}s with primitive arrays and {@code malloc}ed memory (JNA copies arrays in and back,
 * registering nothing); pointers held as {@code long} (LP64: the agent ships JNA's linux-x86-64 and
 * linux-aarch64 natives only). Not API.
 */
final class Natives {

    /** {@code Native.open(String, int)}, {@code Native.findSymbol(long, String)}: package-private in JNA, stable since JNA 3. */
    private static final Method OPEN;
    private static final Method FIND_SYMBOL;
    /** JNA's default {@code dlopen} flags ({@code RTLD_LAZY | RTLD_GLOBAL}). */
    private static final int DEFAULT_FLAGS = -1;

    static {
        try {
            OPEN = Native.class.getDeclaredMethod("open", String.class, int.class);
            FIND_SYMBOL = Native.class.getDeclaredMethod("findSymbol", long.class, String.class);
            OPEN.setAccessible(true);
            FIND_SYMBOL.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new LinkageError("this JNA has no Native.open/findSymbol", e);
        }
    }

    private Natives() {
    }

    /**
     * @param names file names to try in order (the first that loads wins)
     * @return the library's handle, never closed: it stays loaded for the JVM's life
     */
    static long open(String... names) {
        UnsatisfiedLinkError last = null;
        for (String name : names) {
            try {
                return (long) OPEN.invoke(null, name, DEFAULT_FLAGS);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (!(e.getCause() instanceof UnsatisfiedLinkError missing)) {
                    throw new LinkageError("opening " + name, e.getCause());
                }
                last = missing;
            } catch (IllegalAccessException e) {
                throw new LinkageError("opening " + name, e);
            }
        }
        throw last != null ? last : new UnsatisfiedLinkError("no library named: " + Arrays.toString(names));
    }

    /** @return the function {@code name} of the library {@code handle} */
    static Function function(long handle, String name) {
        try {
            return Function.getFunction(new Pointer((long) FIND_SYMBOL.invoke(null, handle, name)));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof UnsatisfiedLinkError missing ? missing : new LinkageError(name, e.getCause());
        } catch (IllegalAccessException e) {
            throw new LinkageError(name, e);
        }
    }
}
