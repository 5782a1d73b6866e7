package dev.endsession.agent.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The agent's log lines written by the agent itself, in slf4j-simple's format
 * ({@code [WARN] endsession.core - message}): to a log file (appended, each line with its time and
 * pid, as several runs and JVMs may share it), or to stderr when SLF4J is not there (the testkit).
 * Thread-safe.
 */
final class LogLines {

    private static final String[] LEVELS = {"ERROR", "WARN", "INFO", "DEBUG"};
    // Always three digits of milliseconds (ISO_OFFSET_DATE_TIME drops trailing zeros): lines line up.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final Path file;
    private OutputStream out;
    private boolean broken;

    private LogLines(Path file) {
        this.file = file;
    }

    /** @return lines to the JVM's stderr */
    static LogLines stderr() {
        return new LogLines(null);
    }

    /** @param file appended to, its directories made, when the first line is written @return lines to it */
    static LogLines toFile(Path file) {
        return new LogLines(file);
    }

    /** @return {@code true} if these lines go to a file */
    boolean toFile() {
        return file != null;
    }

    void write(int level, String name, String format, Object[] args) {
        write("[" + LEVELS[level] + "] " + name + " - " + format(format, args));
    }

    /** @param line one line, without its time: to the file, or to stderr if there is none or it fails */
    void write(String line) {
        write(line, true);
    }

    /** @param line one line, already on stderr: to the file only */
    void writeToFile(String line) {
        if (file != null) {
            write(line, false);
        }
    }

    private synchronized void write(String line, boolean toStderrIfNoFile) {
        if (file == null || broken) {
            if (toStderrIfNoFile) {
                System.err.println(line);
            }
            return;
        }
        String stamped = OffsetDateTime.now().format(TIME)
                + " [" + ProcessHandle.current().pid() + "] " + line + System.lineSeparator();
        try {
            if (out == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write(stamped.getBytes(StandardCharsets.UTF_8)); // one write per line: JVMs sharing the file do not interleave
            out.flush();
        } catch (IOException | RuntimeException e) {
            broken = true;
            System.err.println("endsession: the log file " + file + " cannot be written (" + e + "); logging to stderr");
            if (toStderrIfNoFile) {
                System.err.println(line);
            }
        }
    }

    /**
     * SLF4J's message format: each {@code {}} takes the next argument; a last argument left over that
     * is a {@link Throwable} is printed with its stack trace.
     */
    static String format(String format, Object[] args) {
        StringBuilder text = new StringBuilder(format.length() + 32);
        int used = 0;
        int from = 0;
        for (int at = format.indexOf("{}"); at >= 0 && used < args.length; at = format.indexOf("{}", from)) {
            text.append(format, from, at).append(value(args[used++]));
            from = at + 2;
        }
        text.append(format, from, format.length());
        if (used < args.length && args[args.length - 1] instanceof Throwable thrown) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            text.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        return text.toString();
    }

    private static String value(Object arg) {
        return arg instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(arg);
    }
}
