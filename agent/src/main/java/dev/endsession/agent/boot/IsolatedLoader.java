package dev.endsession.agent.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent and its libraries from the {@code inst/} folder of the agent jar. Its parent is
 * the platform loader, so the application's own JNA, Byte Buddy or SLF4J are never seen; only the
 * API ({@code dev.endsession.api}) is shared, through the loader that loaded the agent jar, so that
 * the app's plugins and the agent agree on one {@code EndSessionListener}.
 */
final class IsolatedLoader extends ClassLoader {

    private static final String PREFIX = "inst/";
    private static final String AGENT_CLASS = "dev/endsession/agent/Agent.class";
    private static final String SHARED = "dev.endsession.api.";
    /** This package too: the agent installs the sink of {@link Instances}, which woven app classes call. */
    private static final String BOOT = "dev.endsession.agent.boot.";
    /** JNA, kept as one nested jar ({@link NestedJar} says why): its classes and resources. */
    private static final String JNA = "com.sun.jna.";
    private static final String JNA_PATH = "com/sun/jna/";
    private static final String JNA_JAR = PREFIX + "lib/jna-windows.jar";
    /** JNA's native libraries kept beside the nested jar (Linux's), under their resource names. */
    private static final String JNA_NATIVE = PREFIX + "native/";
    /** Larger than most of the agent's classes; a larger one grows it. */
    private static final int FIRST_BUFFER = 16 * 1024;
    private static IsolatedLoader instance;

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ClassLoader apiLoader;
    private final ProtectionDomain domain;
    private final AtomicReference<byte[]> spare = new AtomicReference<>();
    private JarFile jna; // opened at the first JNA class or resource asked for: Windows, XSMP, logind's lock
    private String jnaUrl;

    private IsolatedLoader(File file, JarFile jar, ClassLoader apiLoader) throws IOException {
        super("endsession", ClassLoader.getPlatformClassLoader());
        this.jar = jar;
        this.jarUrl = "jar:" + file.toURI() + "!/";
        this.apiLoader = apiLoader;
        this.domain = new ProtectionDomain(new CodeSource(file.toURI().toURL(), (Certificate[]) null), null, this, null);
    }

    /** @return the one loader of this JVM for the agent jar (agent and CLI share it) */
    static synchronized IsolatedLoader forThisJar() throws IOException {
        if (instance == null) {
            File file = agentJar();
            instance = new IsolatedLoader(file, new JarFile(file, false), Boot.class.getClassLoader());
        }
        return instance;
    }

    /**
     * The jar holding {@code inst/}: usually the one {@link Boot} came from. But an app's class path
     * may also hold the agent's plain classes (a test depending on the agent module, say), which
     * would shadow the agent jar's boot classes: then the jar is found by its {@code inst/} folder,
     * a class path resource. Only then: that lookup searches the JDK's modules first, milliseconds.
     */
    private static File agentJar() throws IOException {
        File own = jarOf(Boot.class);
        if (own != null && holdsAgent(own)) {
            return own;
        }
        URL marker = Boot.class.getClassLoader().getResource(PREFIX + AGENT_CLASS);
        if (marker == null || !"jar".equals(marker.getProtocol())) {
            throw new IOException("no endsession-agent.jar (with its inst/ folder) is on the class path: start the JVM with "
                    + "-javaagent:endsession-agent.jar");
        }
        String path = marker.getPath(); // file:/.../endsession-agent.jar!/inst/...
        try {
            return new File(new URI(path.substring(0, path.indexOf("!/"))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot locate the agent jar from " + marker, e);
        }
    }

    private static File jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            File file = new File(source.getLocation().toURI());
            return file.isFile() ? file : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Opened and closed: the JVM keeps the same jar open for its class path, so this reads it once. */
    private static boolean holdsAgent(File file) {
        try (JarFile candidate = new JarFile(file, false)) {
            return candidate.getEntry(PREFIX + AGENT_CLASS) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SHARED) || name.startsWith(BOOT)) {
            return apiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        JarFile source;
        try {
            source = name.startsWith(JNA) ? jna() : jar;
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        JarEntry entry = source.getJarEntry(source == jar ? PREFIX + path : path);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        // One buffer for every class, not an array each: defineClass copies the bytes before it returns (bench/README.md, memory).
        byte[] buffer = spare.getAndSet(null); // null while another thread, or this one a level up, uses it
        try (InputStream in = source.getInputStream(entry)) {
            int size = (int) entry.getSize();
            if (buffer == null || buffer.length < size) {
                buffer = new byte[Math.max(size, FIRST_BUFFER)];
            }
            if (size < 0 || in.readNBytes(buffer, 0, size) != size || in.read() >= 0) {
                throw new ClassNotFoundException(name + ": its entry in the agent jar is not " + size + " bytes long");
            }
            definePackageOf(name);
            return defineClass(name, buffer, 0, size, domain);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        } finally {
            spare.set(buffer);
        }
    }

    /** @return the nested JNA jar, copied out and opened on first use */
    private synchronized JarFile jna() throws IOException {
        if (jna == null) {
            JarEntry nested = jar.getJarEntry(JNA_JAR);
            if (nested == null) {
                throw new IOException("the agent jar has no " + JNA_JAR);
            }
            File file = NestedJar.extract(jar, nested, recordedSha256(nested));
            jna = new JarFile(file, false);
            jnaUrl = "jar:" + file.toURI() + "!/";
        }
        return jna;
    }

    /** @return the SHA-256 the build recorded beside {@code entry}, to check its copy against */
    private String recordedSha256(JarEntry entry) throws IOException {
        JarEntry recorded = jar.getJarEntry(entry.getName() + ".sha256");
        if (recorded == null) {
            throw new IOException("the agent jar has no " + entry.getName() + ".sha256 to check its copy against");
        }
        try (InputStream in = jar.getInputStream(recorded)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String pkg = className.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // another thread defined it first
                }
            }
        }
    }

    @Override
    protected URL findResource(String name) {
        if (name.startsWith(JNA_PATH)) {
            URL library = jnaLibrary(name);
            return library != null ? library : jnaResource(name); // e.g. com/sun/jna/win32-x86-64/jnidispatch.dll
        }
        if (jar.getJarEntry(PREFIX + name) == null) {
            return null;
        }
        try {
            return new URL(jarUrl + PREFIX + name);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JNA's native library as a file, copied once into the private directory and checked like the
     * nested jar: JNA loads a {@code file:} resource where it is, where it would copy any other to a
     * temporary file at every start (bench/README.md, memory). Where that
     * directory cannot hold code (a {@code noexec} mount) or the copy fails, JNA gets the library
     * inside the agent jar and copies it to its own folder, as it always did.
     *
     * @return the library's URL, or {@code null} if the agent jar keeps no such library beside the nested jar
     */
    private URL jnaLibrary(String name) {
        JarEntry entry = jar.getJarEntry(JNA_NATIVE + name);
        if (entry == null) {
            return null;
        }
        try {
            File copy = NestedJar.extract(jar, entry, recordedSha256(entry));
            if (copy.canExecute() || copy.setExecutable(true, true) && copy.canExecute()) { // access(2) says no on a noexec mount
                return copy.toURI().toURL();
            }
        } catch (IOException e) {
            // no copy of ours: JNA makes its own
        }
        try {
            return new URL(jarUrl + JNA_NATIVE + name);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URL jnaResource(String name) {
        try {
            return jna().getJarEntry(name) == null ? null : new URL(jnaUrl + name); // jna() set jnaUrl
        } catch (IOException e) {
            return null; // no JNA: as if the resource were not there
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
    }
}
