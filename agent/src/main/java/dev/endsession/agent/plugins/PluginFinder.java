package dev.endsession.agent.plugins;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.EndSessionListener;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds {@link EndSessionListener} plugins. A plugin that fails to load or to construct is logged
 * and skipped; it never stops the others or the application.
 */
public final class PluginFinder {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.plugins");
    /** A broken service file can make a ServiceLoader iterator fail forever; stop after this many. */
    private static final int MAX_ERRORS = 100;

    private PluginFinder() {
    }

    /**
     * @param appLoader the application's class loader (plugins on its class path)
     * @param directory a directory of plugin jars, if any
     * @return every listener found, application class path first
     */
    public static List<EndSessionListener> find(ClassLoader appLoader, Optional<Path> directory) {
        List<EndSessionListener> found = new ArrayList<>(load(appLoader, appLoader));
        if (directory.isPresent()) {
            ClassLoader plugins = pluginLoader(directory.get(), appLoader);
            if (plugins != null) {
                found.addAll(load(plugins, plugins));
            }
        }
        return found;
    }

    /** Loads the providers visible to {@code loader} whose class was defined by {@code owner}. */
    private static List<EndSessionListener> load(ClassLoader loader, ClassLoader owner) {
        List<EndSessionListener> found = new ArrayList<>();
        // The plain iterator, not stream(): streams and lambdas cost milliseconds at agent start.
        Iterator<EndSessionListener> providers = ServiceLoader.load(EndSessionListener.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_ERRORS) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                EndSessionListener listener = providers.next();
                // A plugin directory's loader also sees the app's plugins through its parent: skip those.
                if (listener.getClass().getClassLoader() == owner) {
                    found.add(listener);
                    LOG.debug("Plugin {} loaded", listener.getClass().getName());
                }
            } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                LOG.warn("A plugin failed to load and is skipped: {}", e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return found;
    }

    private static ClassLoader pluginLoader(Path dir, ClassLoader parent) {
        if (!Files.isDirectory(dir)) {
            LOG.error("plugins={} is not a directory; no plugins loaded from it", dir);
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            URL[] jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().map(PluginFinder::url).toArray(URL[]::new);
            if (jars.length == 0) {
                LOG.warn("plugins={} holds no jar", dir);
            }
            return new URLClassLoader("endsession-plugins", jars, parent);
        } catch (IOException e) {
            LOG.error("plugins={} cannot be read: {}", dir, e.getMessage());
            return null;
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
