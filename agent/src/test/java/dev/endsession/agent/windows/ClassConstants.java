package dev.endsession.agent.windows;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a class file's constant pool without loading the class: the names it mentions and the
 * methods it calls. Enough of the JVM spec, section 4.4, to answer "does this class touch JNA?" and
 * "which library functions does it call?".
 *
 * @param utf8 every CONSTANT_Utf8 (names, descriptors, strings)
 * @param calls every Methodref and InterfaceMethodref, as {@code owner/Internal/Name.method}
 */
record ClassConstants(List<String> utf8, List<String> calls) {

    static ClassConstants read(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile)) {
            return read(new DataInputStream(in));
        }
    }

    private static ClassConstants read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] strings = new String[count];
        int[][] refs = new int[count][];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> strings[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // 8-byte constants take two slots
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> refs[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
                default -> throw new IOException("unknown constant tag " + tag + " at " + i);
            }
        }
        List<String> utf8 = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 1) {
                utf8.add(strings[i]);
            } else if (tags[i] == 10 || tags[i] == 11) {
                String owner = strings[refs[refs[i][0]][0]];
                String method = strings[refs[refs[i][1]][0]];
                calls.add(owner + "." + method);
            }
        }
        return new ClassConstants(utf8, calls);
    }

    /** @return the class files of this package in the main output (target/classes), by binary name */
    static List<Path> mainClassesOfThisPackage() throws Exception {
        Path root = Path.of(Win32Port.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(Win32Port.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    /** @return the binary class name of a class file in this package */
    static String binaryName(Path classFile) {
        String simple = classFile.getFileName().toString().replace(".class", "");
        return Win32Port.class.getPackageName() + "." + simple;
    }
}
