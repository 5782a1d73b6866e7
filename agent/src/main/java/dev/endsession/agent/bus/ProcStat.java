package dev.endsession.agent.bus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process as Linux's {@code /proc/<pid>/stat} tells it (proc(5)): its state and its start time
 * (clock ticks after boot). The start time tells a process from a later one that reuses its pid;
 * state {@code Z} is a zombie (exited, not yet reaped by its parent), which
 * {@code ProcessHandle.isAlive()} still counts as alive.
 *
 * @param state the state letter ({@code R}, {@code S}, {@code Z}, ...)
 * @param startTicks when it started, in clock ticks after boot
 */
record ProcStat(char state, long startTicks) {

    /** @return the process's stat, or {@code null} if it is gone or there is no {@code /proc} */
    static ProcStat of(long pid) {
        String line;
        try {
            line = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")), StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return null;
        }
        return parse(line);
    }

    /** @return the stat in {@code line}, or {@code null} if it is not one */
    static ProcStat parse(String line) {
        int close = line.lastIndexOf(')'); // the command name, in parentheses, may hold anything
        if (close < 0 || close + 2 >= line.length()) {
            return null;
        }
        String[] fields = line.substring(close + 2).trim().split(" ");
        if (fields.length < 20 || fields[0].length() != 1) {
            return null;
        }
        try {
            return new ProcStat(fields[0].charAt(0), Long.parseLong(fields[19])); // field 3 is state, field 22 starttime
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return {@code true} for a process that has exited: a zombie ({@code Z}) or dead ({@code X}) */
    boolean exited() {
        return state == 'Z' || state == 'X';
    }
}
