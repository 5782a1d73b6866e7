package dev.endsession.agent.bus;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Pattern COLUMNS = Pattern.compile("\\s+");

    /** Socket inodes by the file name they were bound to ({@code <pid>.binding}, {@code <pid>.sock}). */
    private final Map<String, Set<Long>> byName;
    /** The paths listening sockets were bound to. */
    private final Set<String> paths;

    private ListeningSockets(Map<String, Set<Long>> byName, Set<String> paths) {
        this.byName = byName;
        this.paths = paths;
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
        Set<String> paths = new HashSet<>();
        for (String line : table.split("\n")) {
            String[] fields = COLUMNS.split(line.trim(), 8); // Num RefCount Protocol Flags Type St Inode Path
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
                paths.add(path);
            } catch (NumberFormatException e) {
                // not a socket line
            }
        }
        return new ListeningSockets(byName, paths);
    }

    /**
     * @param directory a session directory, as the apps name it (the same environment gives the same path)
     * @return the pids whose listening socket was bound in it ({@code <pid>.binding} or {@code <pid>.sock}),
     *     whatever the directory holds now
     */
    Set<Long> pidsBoundIn(Path directory) {
        Set<Long> pids = new HashSet<>();
        Path dir = directory.toAbsolutePath().normalize();
        for (String path : paths) {
            Path bound;
            try {
                bound = Path.of(path);
            } catch (InvalidPathException e) {
                continue; // not a file system path (an abstract socket, say)
            }
            String name = bound.getFileName() == null ? "" : bound.getFileName().toString();
            String sock = name.endsWith(".binding") ? name.substring(0, name.length() - ".binding".length()) + ".sock" : name;
            long pid = SessionDirectory.socketPid(sock);
            if (pid > 0 && dir.equals(bound.getParent() == null ? null : bound.getParent().normalize())) {
                pids.add(pid);
            }
        }
        return pids;
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
