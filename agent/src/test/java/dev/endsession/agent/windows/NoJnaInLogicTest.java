package dev.endsession.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.api.Reason;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The bridge's logic never touches JNA, so it runs, and is tested, where JNA's Windows libraries
 * cannot load. Only the {@code *JNA} classes and the {@code *Ext} interfaces may.
 */
class NoJnaInLogicTest {

    static boolean mayUseJna(Path classFile) {
        String outer = classFile.getFileName().toString().replace(".class", "").split("\\$")[0];
        return outer.endsWith("JNA") || outer.endsWith("Ext");
    }

    @Test
    void noLogicClassMentionsJna() throws Exception {
        List<String> offenders = new ArrayList<>();
        int logic = 0;
        for (Path file : ClassConstants.mainClassesOfThisPackage()) {
            if (mayUseJna(file)) {
                continue;
            }
            logic++;
            if (ClassConstants.read(file).utf8().stream().anyMatch(s -> s.contains("com/sun/jna"))) {
                offenders.add(file.getFileName().toString());
            }
        }
        assertEquals(List.of(), offenders);
        assertTrue(logic >= 10, "the logic classes were found: " + logic);
    }

    @Test
    void theJnaClassesDoMentionJnaSoTheCheckAboveCanSeeIt() throws Exception {
        Path port = ClassConstants.mainClassesOfThisPackage().stream()
                .filter(f -> f.getFileName().toString().equals("Win32PortJNA.class")).findFirst().orElseThrow();

        assertTrue(ClassConstants.read(port).utf8().stream().anyMatch(s -> s.contains("com/sun/jna")));
    }

    @Test
    void theLogicLoadsAndRunsInALoaderWithoutJna() throws Exception {
        URL main = Win32Port.class.getProtectionDomain().getCodeSource().getLocation();
        URL api = Reason.class.getProtectionDomain().getCodeSource().getLocation();
        URL slf4j = LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        URL simple = Class.forName("org.slf4j.simple.SimpleLogger").getProtectionDomain().getCodeSource().getLocation();
        URL[] path = {main, api, slf4j, simple};
        try (URLClassLoader noJna = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> noJna.loadClass("com.sun.jna.Native"));
            int loaded = 0;
            for (Path file : ClassConstants.mainClassesOfThisPackage()) {
                if (!mayUseJna(file) && !file.getFileName().toString().equals("WindowsBridge.class")) {
                    Class.forName(ClassConstants.binaryName(file), true, noJna); // links and initializes it
                    loaded++;
                }
            }
            assertTrue(loaded >= 10);
            // And the pure logic computes in it: ExitRequest.of(LOGOFF, true, false).flags() == EWX_FORCE.
            Class<?> request = Class.forName(ExitRequest.class.getName(), true, noJna);
            Class<?> reason = Class.forName(Reason.class.getName(), true, noJna);
            Object logoff = reason.getField("LOGOFF").get(null);
            var of = request.getDeclaredMethod("of", reason, boolean.class, boolean.class);
            of.setAccessible(true);
            Object made = of.invoke(null, logoff, true, false);
            var flags = request.getDeclaredMethod("flags");
            flags.setAccessible(true);
            assertEquals(WinUserH.EWX_FORCE, flags.invoke(made));
        }
    }
}
