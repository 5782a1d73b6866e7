package dev.endsession.agent.linux.xsmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Every constant of {@link SmH} and {@link SmlibH} equals its definition in the installed libSM and
 * libICE headers (libsm-dev, libice-dev: {@code scripts/install-test-packages} installs them).
 */
@EnabledOnOs(OS.LINUX)
@Timeout(10)
class SmHeadersTest {

    private static final Path INCLUDE = Path.of("/usr/include/X11");
    private static final Pattern DEFINE = Pattern.compile("^#define\\s+(\\w+)\\s+(.+?)\\s*(/\\*.*)?$");
    private static final Pattern SHIFT = Pattern.compile("\\(1L?\\s*<<\\s*(\\d+)\\)");

    @Test
    void smConstantsMatchSmH() throws IOException {
        Map<String, Object> defined = defines(INCLUDE.resolve("SM/SM.h"));
        assertAll(SmH.class, defined);
    }

    @Test
    void smlibAndIcelibConstantsMatchSmlibH() throws IOException {
        Map<String, Object> defined = defines(INCLUDE.resolve("SM/SMlib.h"));
        defined.putAll(enumValues(INCLUDE.resolve("ICE/ICElib.h"), "IceProcessMessagesStatus"));
        assertAll(SmlibH.class, defined);
    }

    private static void assertAll(Class<?> type, Map<String, Object> defined) {
        int checked = 0;
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                continue;
            }
            assertTrue(defined.containsKey(field.getName()), field.getName() + " is not defined in the header");
            try {
                field.setAccessible(true);
                Object value = field.get(null);
                Object expected = defined.get(field.getName());
                Object actual = value instanceof Number number && !(expected instanceof String) ? number.longValue() : value;
                assertEquals(expected, actual, field.getName());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
            checked++;
        }
        assertTrue(checked > 3, "checked " + checked);
    }

    /** {@code #define NAME 3}, {@code (1L << 2)} or {@code "Text"}. */
    private static Map<String, Object> defines(Path header) throws IOException {
        Map<String, Object> values = new HashMap<>();
        for (String line : Files.readAllLines(header)) {
            Matcher define = DEFINE.matcher(line.strip());
            if (!define.matches()) {
                continue;
            }
            String text = define.group(2).strip();
            Matcher shift = SHIFT.matcher(text);
            if (shift.matches()) {
                values.put(define.group(1), 1L << Integer.parseInt(shift.group(1)));
            } else if (text.startsWith("\"") && text.endsWith("\"")) {
                values.put(define.group(1), text.substring(1, text.length() - 1));
            } else if (text.matches("\\d+")) {
                values.put(define.group(1), Long.parseLong(text));
            }
        }
        return values;
    }

    /** The members of {@code typedef enum { A, B, C } name;}, numbered from 0. */
    private static Map<String, Object> enumValues(Path header, String name) throws IOException {
        String text = Files.readString(header);
        Matcher body = Pattern.compile("typedef\\s+enum\\s*\\{([^}]*)\\}\\s*" + name + "\\s*;").matcher(text);
        assertTrue(body.find(), name + " not found in " + header);
        Map<String, Object> values = new HashMap<>();
        List<String> members = List.of(body.group(1).replaceAll("/\\*.*?\\*/", "").split(","));
        for (int i = 0; i < members.size(); i++) {
            values.put(members.get(i).strip(), (long) i);
        }
        return values;
    }
}
