package dev.endsession.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.endsession.agent.testing.TestJvm;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent jar keeps JNA as one nested jar, and the agent's loader still finds its classes
 * and its Windows native library there: what the Windows bridge needs, checked on any system.
 */
class NestedJnaIT {

    @TempDir
    Path dir;

    @Test
    void theAgentsLoaderFindsJnaClassesAndItsWindowsLibraryInTheNestedJar() {
        // Its own runtime directory, so the copy lands in this test's folder and not in the user's.
        try (TestJvm probe = TestJvm.main(Probe.class).withoutAgent().classPathFirst(TestJvm.agentJar())
                .env("XDG_RUNTIME_DIR", dir.toString()).env("LOCALAPPDATA", dir.toString()).start(dir)) {
            assertEquals(0, probe.awaitExit(Duration.ofSeconds(60)), probe.describe());
            assertEquals("User32 endsession", probe.stdoutLines().get(0), probe.describe());
            assertEquals("Kernel32 endsession", probe.stdoutLines().get(1), probe.describe());
            String dll = probe.stdoutLines().get(2);
            assertEquals(true, dll.startsWith("jnidispatch.dll ") && Long.parseLong(dll.split(" ")[1]) > 100_000, dll);
            assertEquals(true, java.nio.file.Files.isDirectory(dir.resolve("endsession")), "copied into the private directory");
        }
    }

    @Test
    void onLinuxJnasNativeLibraryIsLoadedWhereTheAgentKeepsItNotCopiedToATemporaryFile() throws IOException {
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isReadable(Path.of("/proc/self/maps")),
                "the process's mapped files are read from Linux's /proc/self/maps");
        Path cache = dir.resolve("cache"); // where JNA would copy it (its temp folder under XDG_CACHE_HOME)
        try (TestJvm probe = TestJvm.main(LinuxProbe.class).withoutAgent().classPathFirst(TestJvm.agentJar())
                .env("XDG_RUNTIME_DIR", dir.toString()).env("XDG_CACHE_HOME", cache.toString()).start(dir)) {
            assertEquals(0, probe.awaitExit(Duration.ofSeconds(60)), probe.describe());
            List<String> mapped = probe.stdoutLines();
            assertEquals(1, mapped.size(), "one copy of JNA's library mapped: " + mapped);
            Path library = Path.of(mapped.get(0));
            assertEquals(dir.resolve("endsession"), library.getParent(), "mapped from the private directory: " + library);
            assertTrue(library.getFileName().toString().matches("jnidispatch-[0-9a-f]{16}\\.so"), library.toString());
            assertEquals(List.of(), filesIn(cache), "JNA made no temporary copy (it makes its folder to clean it)");
        }
    }

    @Test
    void onANoexecRuntimeDirectoryJnaStillStartsFromACopyOfItsOwn() throws IOException {
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isReadable(Path.of("/proc/self/maps")),
                "the process's mapped files are read from Linux's /proc/self/maps");
        assumeTrue("root".equals(System.getProperty("user.name")), "a noexec mount of its own needs root (unshare, mount)");
        Path runtime = Files.createDirectory(dir.resolve("noexec"));
        Path cache = dir.resolve("cache");
        try (TestJvm probe = TestJvm.main(LinuxProbe.class).withoutAgent().classPathFirst(TestJvm.agentJar())
                .wrappedIn("unshare", "--mount", "sh", "-c", "mount -t tmpfs -o noexec,mode=700 tmpfs \"$0\" && exec \"$@\"", runtime.toString())
                .env("XDG_RUNTIME_DIR", runtime.toString()).env("XDG_CACHE_HOME", cache.toString()).start(dir)) {
            assertEquals(0, probe.awaitExit(Duration.ofSeconds(60)), probe.describe());
            List<String> mapped = probe.stdoutLines();
            assertEquals(1, mapped.size(), "JNA started, its library mapped once: " + mapped + "\n" + probe.describe());
            assertEquals(cache.resolve("JNA").resolve("temp"), Path.of(mapped.get(0)).getParent(), "JNA's own copy: " + mapped);
        }
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theBuildRecordsTheNestedJarsSha256InsideTheAgentJar() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(TestJvm.agentJar().toFile())) {
            byte[] nested;
            try (InputStream in = jar.getInputStream(jar.getJarEntry("inst/lib/jna-windows.jar"))) {
                nested = in.readAllBytes();
            }
            String recorded;
            try (InputStream in = jar.getInputStream(jar.getJarEntry("inst/lib/jna-windows.jar.sha256"))) {
                recorded = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
            }
            String actual = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(nested));
            assertEquals(actual, recorded);
        }
    }

    /** Starts JNA through the agent's own loader, as the Linux bridge does; prints where its library is mapped from. */
    public static final class LinuxProbe {
        public static void main(String[] args) throws Exception {
            Method forThisJar = Class.forName("dev.endsession.agent.boot.IsolatedLoader").getDeclaredMethod("forThisJar");
            forThisJar.setAccessible(true);
            Class.forName("com.sun.jna.Native", true, (ClassLoader) forThisJar.invoke(null));
            Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(line -> line.contains("jnidispatch") || line.contains("jna"))
                    .map(line -> line.substring(line.indexOf('/'))).distinct().forEach(System.out::println);
        }
    }

    /** Asks the agent's own loader, as the Windows bridge's classes do. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Method forThisJar = Class.forName("dev.endsession.agent.boot.IsolatedLoader").getDeclaredMethod("forThisJar");
            forThisJar.setAccessible(true);
            ClassLoader loader = (ClassLoader) forThisJar.invoke(null);
            for (String name : new String[] {"com.sun.jna.platform.win32.User32", "com.sun.jna.platform.win32.Kernel32"}) {
                Class<?> type = Class.forName(name, false, loader);
                System.out.println(type.getSimpleName() + " " + type.getClassLoader().getName());
            }
            URL library = loader.getResource("com/sun/jna/win32-x86-64/jnidispatch.dll");
            try (InputStream in = library.openStream()) {
                System.out.println("jnidispatch.dll " + in.readAllBytes().length);
            }
        }
    }
}
