package dev.endsession.agent.plugins;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.EndSessionListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the listeners that service files name ({@code META-INF/services/dev.endsession.api.EndSessionListener}),
 * as {@code ServiceLoader} does for the class path, but so that a plugin that fails says which jar,
 * which class and why, in one ERROR line: {@code ServiceLoader} names neither the jar nor, for a
 * constructor that throws, the cause.
 */
final class Providers {

    static final String SERVICE_FILE = "META-INF/services/" + EndSessionListener.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger("endsession.plugins");

    private Providers() {
    }

    /**
     * @param files the service files to read
     * @param loader loads the classes they name
     * @return the listeners made, in file order; each failure logged and skipped
     */
    static List<EndSessionListener> make(Enumeration<URL> files, ClassLoader loader) {
        List<EndSessionListener> made = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (files.hasMoreElements()) {
            URL file = files.nextElement();
            for (String name : classNames(file)) {
                if (seen.add(name)) {
                    EndSessionListener listener = make(name, file, loader);
                    if (listener != null) {
                        made.add(listener);
                    }
                }
            }
        }
        return made;
    }

    /** @return the listener, or null after logging why it could not be made */
    private static EndSessionListener make(String name, URL file, ClassLoader loader) {
        String problem;
        try {
            Class<?> type = Class.forName(name, false, loader);
            if (!EndSessionListener.class.isAssignableFrom(type)) {
                problem = "it does not implement " + EndSessionListener.class.getName();
            } else if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
                problem = "it is not a public concrete class";
            } else {
                EndSessionListener listener = (EndSessionListener) type.getConstructor().newInstance();
                LOG.debug("Plugin {} loaded from {}", name, origin(file));
                return listener;
            }
        } catch (ClassNotFoundException e) {
            problem = "no such class in it or on the class path";
        } catch (NoSuchMethodException e) {
            problem = "it has no public no-argument constructor";
        } catch (InvocationTargetException e) {
            problem = "its constructor threw " + e.getCause();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            problem = e.toString();
        }
        LOG.error("Plugin {} in {} failed to load and is skipped: {}", name, origin(file), problem);
        return null;
    }

    /** @return the class names a service file lists; an unreadable file is logged and lists none */
    private static List<String> classNames(URL file) {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int hash = line.indexOf('#');
                String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Plugins in {} are skipped: its service file cannot be read ({})", origin(file), e.toString());
        }
        return names;
    }

    /** @return the jar or directory a service file is in: {@code /p/a.jar} for {@code jar:file:/p/a.jar!/META-INF/...} */
    static String origin(URL file) {
        String text = file.toString();
        int bang = text.indexOf("!/");
        if (text.startsWith("jar:") && bang > 0) {
            text = text.substring("jar:".length(), bang);
        } else if (text.endsWith(SERVICE_FILE)) {
            text = text.substring(0, text.length() - SERVICE_FILE.length() - 1);
        }
        return text.startsWith("file:") ? java.net.URLDecoder.decode(text.substring("file:".length()), StandardCharsets.UTF_8) : text;
    }
}
