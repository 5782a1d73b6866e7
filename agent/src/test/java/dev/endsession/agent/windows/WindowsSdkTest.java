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
 * mingw-w64's import libraries and headers (Debian package {@code mingw-w64-x86-64-dev}, which
 * {@code .ci/run} installs). Every function the {@code *JNA} classes call through a JNA library
 * interface must be exported by the DLL that interface is loaded from, and every constant in a
 * {@link Header}-annotated class must equal the header's value. Without the package it fails, as
 * CI always has it; it is skipped only on Windows, which has no mingw tree.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "mingw-w64's SDK files are checked on the Linux CI")
class WindowsSdkTest {

    static final Path MINGW = Path.of("/usr/x86_64-w64-mingw32");

    @BeforeAll
    static void sdkIsInstalled() {
        assertTrue(Files.isRegularFile(MINGW.resolve("include/winuser.h")) && Files.isRegularFile(MINGW.resolve("lib/libuser32.a")),
                "mingw-w64's Windows SDK is missing: apt-get install -y mingw-w64-x86-64-dev binutils (.ci/run does)");
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
        Path lib = MINGW.resolve("lib/lib" + dll + ".a");
        Process nm = new ProcessBuilder("nm", lib.toString()).redirectErrorStream(true).start();
        String out = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nm.waitFor(60, TimeUnit.SECONDS) && nm.exitValue() == 0, "nm " + lib + ": " + out);
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^[0-9a-f]+ T (\\w+)$").matcher(out);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyMappedFunctionIsExportedByItsDll() throws Exception {
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
            Set<String> exported = exports(dll);
            for (String function : entry.getValue()) {
                // W32APIOptions.DEFAULT_OPTIONS binds the W (Unicode) export when there is one, else the plain name.
                if (!exported.contains(function + "W") && !exported.contains(function)) {
                    missing.add(dll + "!" + function);
                }
                checked++;
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(checked >= 25, "checked " + checked + " functions: " + called);
        assertTrue(called.get(User32Ext.class).contains("ShutdownBlockReasonCreate"));
        assertTrue(called.get(com.sun.jna.platform.win32.User32.class).containsAll(Set.of("CreateWindowEx", "SetWindowLongPtr")));
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
