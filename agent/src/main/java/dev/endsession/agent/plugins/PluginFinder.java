package dev.endsession.agent.plugins;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.agent.trust.TrustedPaths;
import dev.endsession.api.EndSessionListener;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Finds {@link EndSessionListener} plugins: on the application's class path, and in the jars of
 * the {@code plugins=} directory. A directory or jar that another user could have written is
 * refused ({@link TrustedPaths}); a jar that cannot be read, or a plugin that fails to load or to
 * construct, is one ERROR line naming the jar, the class and the cause, and is skipped: it never
 * stops the others or the application.
 */
public final class PluginFinder {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.plugins");

    private PluginFinder() {
    }

    /**
     * @param appLoader the application's class loader (plugins on its class path)
     * @param directory a directory of plugin jars, if any
     * @return every listener found, application class path first
     */
    public static List<EndSessionListener> find(ClassLoader appLoader, Optional<Path> directory) {
        List<EndSessionListener> found = new ArrayList<>(fromClassPath(appLoader));
        if (directory.isPresent()) {
            URLClassLoader plugins = pluginLoader(directory.get(), appLoader);
            if (plugins != null) {
                try {
                    // Only the directory's own service files: the parent's were read above.
                    found.addAll(Providers.make(plugins.findResources(Providers.SERVICE_FILE), plugins));
                } catch (IOException e) {
                    LOG.error("plugins={} cannot be read: {}", directory.get(), e.toString());
                }
            }
        }
        return found;
    }

    private static List<EndSessionListener> fromClassPath(ClassLoader appLoader) {
        try {
            return Providers.make(appLoader.getResources(Providers.SERVICE_FILE), appLoader);
        } catch (IOException e) {
            LOG.error("The application's class path cannot be searched for plugins: {}", e.toString());
            return List.of();
        }
    }

    private static URLClassLoader pluginLoader(Path dir, ClassLoader parent) {
        if (!Files.isDirectory(dir)) {
            LOG.error("plugins={} is not a directory; no plugins loaded from it", dir);
            return null;
        }
        Optional<String> untrusted = TrustedPaths.problem(dir);
        if (untrusted.isPresent()) {
            LOG.error("plugins={} is not trusted: {}; no plugins loaded from it", dir, untrusted.get());
            return null;
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : files) {
                jars.add(jar);
            }
        } catch (IOException e) {
            LOG.error("plugins={} cannot be read: {}", dir, e.toString());
            return null;
        }
        Collections.sort(jars);
        List<URL> usable = new ArrayList<>();
        for (Path jar : jars) {
            if (usable(jar)) {
                usable.add(url(jar));
            }
        }
        if (jars.isEmpty()) {
            LOG.warn("plugins={} holds no jar", dir);
        }
        return new URLClassLoader("endsession-plugins", usable.toArray(new URL[0]), parent);
    }

    /** @return whether a jar may be loaded: trusted and readable (a class loader silently ignores a corrupt one) */
    private static boolean usable(Path jar) {
        Optional<String> untrusted = TrustedPaths.problem(jar);
        if (untrusted.isPresent()) {
            LOG.error("plugin jar {} is not trusted: {}; it is skipped", jar, untrusted.get());
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest(); // reads the central directory: a corrupt jar fails here
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("plugin jar {} cannot be read ({}); it is skipped", jar, e.toString());
            return false;
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
