package dev.endsession.agent.rules;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Classes read as bytes from a class path (directories and jars) and then from the JDK, never
 * loaded: what {@code check-rules} knows of an application without running any of its code.
 * Uses the ASM that Byte Buddy ships. Not thread-safe; close it to close its jars.
 */
final class ClassFiles implements Closeable {

    private final List<Path> directories = new ArrayList<>();
    private final List<JarFile> jars = new ArrayList<>();
    private final Map<String, Optional<Declared>> read = new HashMap<>();

    /**
     * @param classPath entries separated by the platform's path separator, as {@code java -cp} takes
     *     them ({@code lib/*} is every jar in {@code lib}); entries that are neither a directory nor a jar are ignored
     */
    ClassFiles(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.equals("*") || entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
                addJarsIn(Path.of(entry.substring(0, entry.length() - 1)));
            } else if (!entry.isEmpty()) {
                add(Path.of(entry));
            }
        }
    }

    private void addJarsIn(Path dir) {
        try (var files = Files.newDirectoryStream(dir.toString().isEmpty() ? Path.of(".") : dir, "*.{jar,JAR}")) {
            for (Path jar : files) {
                add(jar);
            }
        } catch (IOException | RuntimeException e) {
            // no such directory: nothing in it to check against
        }
    }

    private void add(Path path) {
        if (Files.isDirectory(path)) {
            directories.add(path);
        } else if (Files.isRegularFile(path)) {
            try {
                jars.add(new JarFile(path.toFile()));
            } catch (IOException e) {
                // an unreadable jar holds nothing to check against
            }
        }
    }

    /** @param className e.g. {@code com.acme.notes.Note} @return its shape with what it inherits, if its class file is found */
    Optional<Shape> shape(String className) {
        Optional<Declared> top = declared(className);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        List<Shape.Member> members = new ArrayList<>();
        Set<String> supertypes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        int depth = 0;
        Deque<String> interfaces = new ArrayDeque<>();
        Optional<Declared> c = top;
        while (c.isPresent()) {
            Declared type = c.get();
            members.addAll(type.members(depth, false));
            interfaces.addAll(type.interfaces);
            depth++;
            String parent = type.superName;
            if (parent == null || parent.equals("java.lang.Object")) {
                break;
            }
            supertypes.add(parent);
            c = declared(parent);
            if (c.isEmpty()) {
                unknown.add(parent);
            }
        }
        while (!interfaces.isEmpty()) {
            String name = interfaces.pop();
            if (supertypes.add(name)) {
                Optional<Declared> type = declared(name);
                if (type.isEmpty()) {
                    unknown.add(name);
                } else {
                    members.addAll(type.get().members(depth, true));
                    interfaces.addAll(type.get().interfaces);
                }
            }
        }
        return Optional.of(new Shape(className, top.get().isInterface, List.copyOf(members), Set.copyOf(supertypes), List.copyOf(unknown)));
    }

    private Optional<Declared> declared(String className) {
        Optional<Declared> known = read.get(className);
        if (known == null) {
            known = Optional.ofNullable(bytes(className.replace('.', '/') + ".class")).map(Declared::of);
            read.put(className, known);
        }
        return known;
    }

    private byte[] bytes(String resource) {
        try {
            for (Path dir : directories) {
                Path file = dir.resolve(resource);
                if (Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            }
            for (JarFile jar : jars) {
                ZipEntry entry = jar.getEntry(resource);
                if (entry != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        return in.readAllBytes();
                    }
                }
            }
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(resource)) { // the JDK's, read from jrt:
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        for (JarFile jar : jars) {
            try {
                jar.close();
            } catch (IOException e) {
                // nothing was written
            }
        }
    }

    /** What one class file declares. */
    private static final class Declared extends ClassVisitor {
        private final List<String[]> methods = new ArrayList<>();
        private final List<String[]> fields = new ArrayList<>();
        private final List<Integer> methodAccess = new ArrayList<>();
        private final List<Integer> fieldAccess = new ArrayList<>();
        private final List<String> interfaces = new ArrayList<>();
        private String superName;
        private boolean isInterface;

        private Declared() {
            super(Opcodes.ASM9);
        }

        static Declared of(byte[] bytes) {
            Declared declared = new Declared();
            new ClassReader(bytes).accept(declared, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return declared;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.superName = superName == null ? null : superName.replace('/', '.');
            this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            for (String i : interfaces) {
                this.interfaces.add(i.replace('/', '.'));
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0 && !name.startsWith("<")) {
                methods.add(new String[] {name, descriptor});
                methodAccess.add(access);
            }
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & Opcodes.ACC_SYNTHETIC) == 0) {
                fields.add(new String[] {name, descriptor});
                fieldAccess.add(access);
            }
            return null;
        }

        /** @param fromInterface only instance methods count from an interface, as reflection sees them */
        List<Shape.Member> members(int depth, boolean fromInterface) {
            List<Shape.Member> members = new ArrayList<>();
            for (int i = 0; i < methods.size(); i++) {
                boolean isStatic = (methodAccess.get(i) & Opcodes.ACC_STATIC) != 0;
                if (!(fromInterface && isStatic)) {
                    String descriptor = methods.get(i)[1];
                    members.add(new Shape.Member(methods.get(i)[0], true, descriptor.startsWith("()"), isStatic,
                            Type.getReturnType(descriptor).getClassName(), depth));
                }
            }
            if (!fromInterface) {
                for (int i = 0; i < fields.size(); i++) {
                    members.add(new Shape.Member(fields.get(i)[0], false, true, (fieldAccess.get(i) & Opcodes.ACC_STATIC) != 0,
                            Type.getType(fields.get(i)[1]).getClassName(), depth));
                }
            }
            return members;
        }
    }
}
