package dev.endsession.agent.prompt;

import java.io.Closeable;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's terminal: {@code /dev/tty} on Unix (the controlling terminal, whatever stdin and
 * stdout were redirected to), the console on Windows. Input is read only when
 * {@link InputStream#available()} says a line is there (a terminal in canonical mode reports
 * complete lines), so an unanswered prompt never leaves a thread blocked on the user's keyboard.
 */
final class Terminal implements Closeable {

    private static final Path TTY = Path.of("/dev/tty");

    private final InputStream in;
    private final PrintStream out;
    private final boolean owned;
    private final boolean ansi;

    private Terminal(InputStream in, PrintStream out, boolean owned, boolean ansi) {
        this.in = in;
        this.out = out;
        this.owned = owned;
        this.ansi = ansi;
    }

    /** @return whether a person at a terminal could be asked: stdin and stdout are a terminal */
    static boolean exists() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ may return a console for redirected streams; isTerminal() tells (absent before 22).
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // Java 17-21: a console exists only when stdin and stdout are a terminal
        }
    }

    /** @return the terminal, or empty when there is none or it cannot be opened */
    static Optional<Terminal> open() {
        if (!exists() || !inForeground()) {
            return Optional.empty();
        }
        if (Files.isReadable(TTY) && Files.isWritable(TTY)) {
            try {
                FileInputStream in = new FileInputStream(TTY.toFile());
                try {
                    PrintStream out = new PrintStream(new FileOutputStream(TTY.toFile()), true, charset());
                    return Optional.of(new Terminal(in, out, true, cursorControl(System.getenv("TERM"))));
                } catch (IOException | RuntimeException e) {
                    in.close();
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // no controlling terminal after all (ENXIO)
            }
        }
        // Windows: the console is stdin and stdout; not ours to close.
        return Optional.of(new Terminal(new FileInputStream(FileDescriptor.in), System.out, false, false));
    }

    /**
     * Whether this process may read the terminal now: a background job that reads it is stopped by
     * SIGTTIN. Linux tells through {@code /proc/self/stat} (process group vs. the terminal's
     * foreground group); elsewhere it is assumed.
     */
    static boolean inForeground() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After "pid (comm) ": state ppid pgrp session tty_nr tpgid
            return fields[2].equals(fields[5]);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    PrintStream out() {
        return out;
    }

    /** @return whether the terminal moves its cursor on VT100 escapes (a line can be rewritten in place) */
    boolean ansi() {
        return ansi;
    }

    /** @return whether a terminal of type {@code term} understands VT100 cursor control */
    static boolean cursorControl(String term) {
        return term != null && !term.isBlank() && !term.equals("dumb");
    }

    /** @return what the user typed since the last call, without waiting; empty if nothing */
    String typed() throws IOException {
        int ready = in.available();
        if (ready <= 0) {
            return "";
        }
        byte[] bytes = new byte[Math.min(ready, 4096)];
        int read = in.read(bytes);
        return read <= 0 ? "" : new String(bytes, 0, read, charset());
    }

    @Override
    public void close() throws IOException {
        out.flush();
        if (owned) {
            in.close();
            out.close();
        }
    }

    private static Charset charset() {
        return System.console() != null ? System.console().charset() : Charset.defaultCharset();
    }

    /** For tests: a terminal over the given streams, without cursor control. */
    static Terminal of(InputStream in, OutputStream out) {
        return of(in, out, false);
    }

    /** For tests: a terminal over the given streams. */
    static Terminal of(InputStream in, OutputStream out, boolean ansi) {
        return new Terminal(in, new PrintStream(out, true, Charset.defaultCharset()), false, ansi);
    }
}
