package dev.endsession.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Checks the project's Win32 mappings against an independent rendering of the Windows SDK:
 * mingw-w64's import libraries and headers, for x64 and for 32-bit x86 (Debian packages
 * {@code mingw-w64-x86-64-dev} and {@code mingw-w64-i686-dev}, which {@code scripts/install-test-packages}
 * installs). Every function the {@code *JNA} classes call through a JNA library interface must be
 * exported by the DLL that interface is loaded from, on both (the window-procedure functions by
 * pointer width, {@link WindowLongFunctions}), and every constant in a {@link Header}-annotated class
 * must equal the header's value. Without the packages it fails, as the build installs them; it is
 * skipped only on Windows, which has no mingw tree.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "mingw-w64's SDK files are checked on the Linux CI")
class WindowsSdkTest {

    /** One mingw-w64 tree, and the pointer width of the JVMs it stands for. */
    record Sdk(Path root, int pointerBytes) {
    }

    static final Sdk X64 = new Sdk(Path.of("/usr/x86_64-w64-mingw32"), 8);
    static final Sdk I686 = new Sdk(Path.of("/usr/i686-w64-mingw32"), 4);
    static final Path MINGW = X64.root();

    @BeforeAll
    static void sdkIsInstalled() {
        for (Sdk sdk : List.of(X64, I686)) {
            assertTrue(Files.isRegularFile(sdk.root().resolve("include/winuser.h")) && Files.isRegularFile(sdk.root().resolve("lib/libuser32.a")),
                    "mingw-w64's Windows SDK is missing in " + sdk.root()
                            + ": apt-get install -y mingw-w64-x86-64-dev mingw-w64-i686-dev binutils (scripts/install-test-packages does)");
        }
    }

    /** @return each JNA library interface the JNA classes call, with the functions called on it */
    static Map<Class<?>, Set<String>> functionsCalled() throws Exception {
        Map<Class<?>, Set<String>> called = new HashMap<>();
        for (Path file : ClassConstants.mainClassesOfThisPackage()) {
            for (String call : ClassConstants.read(file).calls()) {
                String owner = call.substring(0, call.lastIndexOf('.')).replace('/', '.');
                if (!owner.startsWith("com.sun.jna.platform.win32.") && !owner.startsWith(Win32Port.class.getPackageName())) {
                    continue;
                }
                // Loading an interface does not initialize it: its INSTANCE, which would load the DLL, is left alone.
                Class<?> type = Class.forName(owner, false, WindowsSdkTest.class.getClassLoader());
                if (type.isInterface() && Library.class.isAssignableFrom(type)) {
                    called.computeIfAbsent(type, t -> new TreeSet<>()).add(call.substring(call.lastIndexOf('.') + 1));
                }
            }
        }
        return called;
    }

    static String dllOf(Class<?> library) throws Exception {
        for (Field field : library.getDeclaredFields()) {
            if (field.getName().equals("DLL")) {
                return (String) field.get(null);
            }
        }
        return library.getSimpleName().toLowerCase(Locale.ROOT); // jna-platform's User32 is user32.dll, ...
    }

    static Set<String> exports(String dll) throws Exception {
        return exports(X64, dll);
    }

    /** @return the DLL's exports as its import library names them (i686's {@code _Name@8} read as {@code Name}) */
    static Set<String> exports(Sdk sdk, String dll) throws Exception {
        Path lib = sdk.root().resolve("lib/lib" + dll + ".a");
        Process nm = new ProcessBuilder("nm", lib.toString()).redirectErrorStream(true).start();
        String out = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nm.waitFor(60, TimeUnit.SECONDS) && nm.exitValue() == 0, "nm " + lib + ": " + out);
        Set<String> names = new HashSet<>();
        String decorated = sdk.pointerBytes() == 4 ? "_(\\w+?)(?:@\\d+)?" : "(\\w+)";
        Matcher m = Pattern.compile("(?m)^[0-9a-f]+ T " + decorated + "$").matcher(out);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyMappedFunctionIsExportedByItsDllOnX64() throws Exception {
        assertEveryMappedFunctionIsExported(X64);
    }

    @Test
    void everyMappedFunctionIsExportedByItsDllOn32BitX86() throws Exception {
        assertEveryMappedFunctionIsExported(I686);
    }

    @Test
    void aJvmWith4BytePointersUsesSetWindowLongWhich32BitUser32Exports() throws Exception {
        assertEquals(WindowLongFunctions.LONG, WindowLongFunctions.forPointerSize(4));
        assertEquals(WindowLongFunctions.PTR, WindowLongFunctions.forPointerSize(8));
        Set<String> x86 = exports(I686, "user32");
        Set<String> x64 = exports(X64, "user32");
        // The defect this guards against: the Ptr names are macros on x86, not exports.
        assertTrue(!x86.contains("SetWindowLongPtrW") && !x86.contains("GetWindowLongPtrW"), "i686 user32 has no Ptr exports");
        assertTrue(x86.containsAll(Set.of(WindowLongFunctions.LONG.get + "W", WindowLongFunctions.LONG.set + "W")));
        assertTrue(x64.containsAll(Set.of(WindowLongFunctions.PTR.get + "W", WindowLongFunctions.PTR.set + "W")));
    }

    @Test
    void everyCallbackWindowsCallsIsStdcall() {
        // CALLBACK is __stdcall: on x86 a cdecl callback leaves its arguments on the stack at every call.
        for (Class<?> callback : List.of(User32Ext.WinEventProc.class, Kernel32Ext.HandlerRoutine.class,
                com.sun.jna.platform.win32.WinUser.WindowProc.class)) {
            assertTrue(com.sun.jna.win32.StdCallLibrary.StdCallCallback.class.isAssignableFrom(callback), callback.getName());
        }
        assertTrue(!com.sun.jna.win32.StdCallLibrary.StdCallCallback.class.isAssignableFrom(
                com.sun.jna.platform.win32.WinUser.WinEventProc.class), "jna-platform's WinEventProc, which the bridge must not use");
    }

    void assertEveryMappedFunctionIsExported(Sdk sdk) throws Exception {
        WindowLongFunctions mine = WindowLongFunctions.forPointerSize(sdk.pointerBytes());
        Set<String> notMine = new HashSet<>();
        for (WindowLongFunctions other : WindowLongFunctions.values()) {
            if (other != mine) {
                notMine.addAll(Set.of(other.get, other.set));
            }
        }
        Map<Class<?>, Set<String>> called = functionsCalled();
        // Our own interfaces: every function they declare, called or not.
        for (Class<?> own : List.of(User32Ext.class, Kernel32Ext.class)) {
            for (Method method : own.getDeclaredMethods()) {
                called.computeIfAbsent(own, t -> new TreeSet<>()).add(method.getName());
            }
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (var entry : called.entrySet()) {
            String dll = dllOf(entry.getKey());
            Set<String> exported = exports(sdk, dll);
            for (String function : entry.getValue()) {
                if (notMine.contains(function)) {
                    continue; // called only on JVMs of the other pointer width
                }
                // W32APIOptions.DEFAULT_OPTIONS binds the W (Unicode) export when there is one, else the plain name.
                if (!exported.contains(function + "W") && !exported.contains(function)) {
                    missing.add(dll + "!" + function);
                }
                checked++;
            }
        }
        assertEquals(List.of(), missing, sdk.root().toString());
        assertTrue(checked >= 25, "checked " + checked + " functions: " + called);
        assertTrue(called.get(User32Ext.class).containsAll(Set.of("ShutdownBlockReasonCreate", mine.set, "SetWinEventHook")));
        assertTrue(called.get(com.sun.jna.platform.win32.User32.class).contains("CreateWindowEx"));
        assertTrue(!called.get(com.sun.jna.platform.win32.User32.class).contains("SetWindowLongPtr"),
                "jna-platform's SetWindowLongPtr binds SetWindowLongPtrW, which 32-bit user32 lacks");
        assertTrue(called.get(com.sun.jna.platform.win32.Advapi32.class).contains("AdjustTokenPrivileges"));
    }

    @Test
    void aFunctionNoDllExportsWouldBeCaught() throws Exception {
        assertTrue(!exports("user32").contains("ShutdownBlockReasonCreat") && exports("user32").contains("GetMessageW"));
    }

    /** @return every {@code #define NAME value} of the header, values as written */
    static Map<String, List<String>> defines(String header) throws IOException {
        String text = Files.readString(MINGW.resolve("include").resolve(header), StandardCharsets.ISO_8859_1);
        Map<String, List<String>> defines = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*#\\s*define\\s+(\\w+)\\s+(.+?)\\s*(?://.*|/\\*.*)?$").matcher(text);
        while (m.find()) {
            defines.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
        }
        return defines;
    }

    /** Evaluates the simple forms the SDK uses: 5, 0x0011, (-4), 5L, __MSABI_LONG(5), ((LONG)0x0), TEXT("x"). */
    static Object evaluate(String value) {
        Matcher text = Pattern.compile("^(?:TEXT|L)?\\(?\"([^\"]*)\"\\)?$").matcher(value);
        if (text.find()) {
            return text.group(1);
        }
        String v = value.replace("__MSABI_LONG", "").replaceAll("\\((?:LONG|DWORD|UINT|ULONG|int)\\)", "")
                .replace("(", "").replace(")", "").replaceAll("(?i)(?<=[0-9a-f])[ul]+$", "").strip();
        boolean negative = v.startsWith("-");
        v = negative ? v.substring(1) : v;
        long n = v.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        return (int) (negative ? -n : n);
    }

    @Test
    void everyConstantEqualsTheHeadersValue() throws Exception {
        List<String> wrong = new ArrayList<>();
        Set<String> headers = new TreeSet<>();
        int checked = 0;
        for (Path file : ClassConstants.mainClassesOfThisPackage()) {
            if (!ClassConstants.read(file).utf8().contains("L" + Header.class.getName().replace('.', '/') + ";")) {
                continue;
            }
            Class<?> type = Class.forName(ClassConstants.binaryName(file), false, getClass().getClassLoader());
            String header = type.getAnnotation(Header.class).value();
            headers.add(header);
            Map<String, List<String>> defines = defines(header);
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isFinal(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object ours = field.get(null);
                List<String> theirs = defines.getOrDefault(field.getName(), List.of());
                if (theirs.isEmpty()) {
                    wrong.add(header + ": no #define " + field.getName());
                }
                for (String value : theirs) {
                    if (!ours.equals(evaluate(value))) {
                        wrong.add(header + ": " + field.getName() + " is " + value + ", ours " + ours);
                    }
                }
                checked++;
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(Set.of("reason.h", "winbase.h", "wincon.h", "winerror.h", "winnt.h", "winuser.h"), headers);
        assertTrue(checked >= 30, "checked " + checked);
    }

    @Test
    void theEvaluatorReadsEachFormTheHeadersUse() {
        assertEquals(5, evaluate("__MSABI_LONG(5)"));
        assertEquals(-4, evaluate("(-4)"));
        assertEquals(0x80000000, evaluate("0x80000000"));
        assertEquals(0, evaluate("((LONG)0x00000000)"));
        assertEquals(2, evaluate("(__MSABI_LONG(0x00000002))"));
        assertEquals("SeShutdownPrivilege", evaluate("TEXT(\"SeShutdownPrivilege\")"));
        assertEquals(5, evaluate("5L"));
    }
}
