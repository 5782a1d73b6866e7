package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.endsession.agent.boot.Instances;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeaverTest {

    static final String NAME = WovenSample.class.getName();

    final List<Object[]> reported = new CopyOnWriteArrayList<>();

    @AfterEach
    void uninstall() {
        Instances.install(null);
    }

    /** Defines the woven class itself; everything else (Instances included) comes from the test's loader. */
    static final class OneClassLoader extends ClassLoader {
        private final byte[] bytes;

        OneClassLoader(byte[] bytes) {
            super(WeaverTest.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(NAME)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> done = findLoadedClass(name);
                return done != null ? done : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    static byte[] original() throws IOException {
        try (InputStream in = WeaverTest.class.getResourceAsStream("WovenSample.class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyConstructorReportsTheObjectItBuiltAndOnlyOnceItIsBuilt() throws Exception {
        Instances.install((type, object) -> reported.add(new Object[] {type, object}));
        byte[] woven = Weaver.weave(NAME, original());
        assertNotEquals(original().length, woven.length, "the class was changed");
        Class<?> type = new OneClassLoader(woven).loadClass(NAME);

        Object chained = type.getConstructor().newInstance();
        assertEquals("default", type.getMethod("name").invoke(chained), "the constructors still do their work");
        assertEquals(2, reported.size(), "each of the two chained constructors reports (the registry keeps one)");
        for (Object[] report : reported) {
            assertEquals(NAME, report[0]);
            assertSame(chained, report[1]);
        }
        InvocationTargetException failed = assertThrows(InvocationTargetException.class,
                () -> type.getConstructor(String.class).newInstance(""));
        assertEquals("no name", failed.getCause().getMessage(), "the app's exception is untouched");
        assertEquals(2, reported.size(), "an object whose constructor threw is not reported");
    }

    @Test
    void aSinkThatThrowsNeverFailsTheAppsConstructor() throws Exception {
        Instances.install((type, object) -> {
            throw new IllegalStateException("broken sink");
        });
        Class<?> type = new OneClassLoader(Weaver.weave(NAME, original())).loadClass(NAME);
        assertEquals("n", type.getMethod("name").invoke(type.getConstructor(String.class).newInstance("n")));
    }

    @Test
    void withoutASinkTheWovenClassWorksAsBefore() throws Exception {
        Class<?> type = new OneClassLoader(Weaver.weave(NAME, original())).loadClass(NAME);
        assertEquals("n", type.getMethod("name").invoke(type.getConstructor(String.class).newInstance("n")));
        assertEquals(0, reported.size());
    }
}
