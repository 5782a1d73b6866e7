package dev.endsession.agent.bus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The kernel's record of who listens where, to prove that the process behind {@code <pid>.sock} is
 * that pid. Java gives no peer pid ({@code UnixDomainPrincipal} has a user and a group only), so
 * this reads Linux's {@code /proc/net/unix} once per round (every listening Unix socket, its inode,
 * and the path it was bound to: an endpoint binds as {@code <pid>.binding} and renames it) and then,
 * per app, {@code /proc/<pid>/fd}: the process must hold one of the listening sockets bound under its
 * own pid's name. Read with the initiator's own rights (an app of the same user); a process of
 * another user, or one that holds no such socket, is not proven.
 *
 * <p>Immutable once read; thread-safe.
 */
final class ListeningSockets {

    private static final Path NET_UNIX = Path.of("/proc/net/unix");
    private static final long ACCEPTING = 0x10000; // __SO_ACCEPTCON in the Flags column: a listening socket

    /** Socket inodes by the file name they were bound to ({@code <pid>.binding}, {@code <pid>.sock}). */
    private final Map<String, Set<Long>> byName;

    private ListeningSockets(Map<String, Set<Long>> byName) {
        this.byName = byName;
    }

    /** @return the listening sockets now, or {@code null} where the kernel does not tell (no {@code /proc}) */
    static ListeningSockets read() {
        try {
            return parse(new String(Files.readAllBytes(NET_UNIX), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** @param table the text of {@code /proc/net/unix} */
    static ListeningSockets parse(String table) {
        Map<String, Set<Long>> byName = new HashMap<>();
        for (String line : table.split("\n")) {
            String[] fields = line.trim().split("\\s+", 8); // Num RefCount Protocol Flags Type St Inode Path
            if (fields.length < 8 || !fields[0].endsWith(":")) {
                continue;
            }
            try {
                if ((Long.parseLong(fields[3], 16) & ACCEPTING) == 0) {
                    continue;
                }
                String path = fields[7];
                String name = path.substring(path.lastIndexOf('/') + 1);
                byName.computeIfAbsent(name, n -> new HashSet<>()).add(Long.parseLong(fields[6]));
            } catch (NumberFormatException e) {
                // not a socket line
            }
        }
        return new ListeningSockets(byName);
    }

    /**
     * @param pid a process
     * @return {@code null} if {@code pid} holds a listening socket bound as {@code <pid>.binding} or
     *     {@code <pid>.sock}; else why not
     */
    String unproven(long pid) {
        Set<Long> inodes = new HashSet<>(byName.getOrDefault(pid + ".binding", Set.of()));
        inodes.addAll(byName.getOrDefault(pid + ".sock", Set.of()));
        if (inodes.isEmpty()) {
            return "no process listens on a socket made for pid " + pid;
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                Long inode = socketInode(fd);
                if (inode != null && inodes.contains(inode)) {
                    return null;
                }
            }
        } catch (IOException | SecurityException e) {
            return "the open files of pid " + pid + " cannot be read (" + e.getMessage() + ")";
        }
        return "pid " + pid + " does not hold the socket made for it";
    }

    /** @return the inode of {@code socket:[inode]}, the link a socket's descriptor shows, or {@code null} */
    private static Long socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Long.parseLong(target.substring("socket:[".length(), target.length() - 1));
            }
        } catch (IOException | SecurityException | NumberFormatException e) {
            // closed meanwhile, or not ours to read
        }
        return null;
    }
}
