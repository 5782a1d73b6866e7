package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathProbeTest {

    @TempDir
    Path dir;

    @Test
    void aMisspeltClassGetsTheClassesOfItsPackageFromDirectoriesAndJars() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/com/acme"));
        for (String file : new String[] {"Note.class", "Note$Inner.class", "package-info.class", "notes.txt"}) {
            Files.writeString(classes.resolve(file), "");
        }
        Path jar = dir.resolve("more.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/acme/Workspace.class"));
            out.putNextEntry(new JarEntry("com/acme/deeper/Hidden.class"));
        }
        String classPath = dir.resolve("classes") + File.pathSeparator + jar + File.pathSeparator + dir.resolve("missing.jar");
        assertEquals("package com.acme: did you mean Note? It also has: Workspace", ClassPathProbe.whatPackageHas("com.acme.Nte", classPath));
        assertEquals("no class of package org.other is on the class path", ClassPathProbe.whatPackageHas("org.other.X", classPath));
    }

    @Test
    void existenceIsCheckedWithoutLoading() {
        ClassLoader loader = getClass().getClassLoader();
        assertTrue(ClassPathProbe.exists(loader, "dev.endsession.agent.rules.Rule"));
        assertFalse(ClassPathProbe.exists(loader, "dev.endsession.agent.rules.Rul"));
    }
}
