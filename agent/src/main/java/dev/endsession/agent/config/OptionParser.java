package dev.endsession.agent.config;

import dev.endsession.agent.boot.OptionText;
import dev.endsession.agent.config.AgentOptions.BridgeMode;
import dev.endsession.agent.config.AgentOptions.Counted;
import dev.endsession.agent.config.AgentOptions.PromptMode;
import dev.endsession.agent.trust.TrustedPaths;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Parses {@code k=v,k=v} (and {@code config=PATH}, a properties file with the same keys; options on
 * the command line win). A bad option never stops the agent: it is reported as one line and its
 * default is kept.
 */
public final class OptionParser {

    static final Set<String> KEYS = Set.of("name", "level", "prompt", "bridge", "plugins", "rules", "log", "service",
            "budget", "on-failure", "on-hang", "exit-budget", "config", "app-id", "log-file");
    private static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug");

    /**
     * @param options the parsed options
     * @param errors one sentence per bad option, ready to print
     */
    public record Parsed(AgentOptions options, List<String> errors) {
    }

    private OptionParser() {
    }

    /**
     * @param text the agent's argument string, may be null or empty
     * @param defaultName the name used when {@code name} is not given
     * @return the options and the errors found
     */
    public static Parsed parse(String text, String defaultName) {
        List<String> errors = new ArrayList<>();
        Map<String, String> given = split(text, errors);
        String config = given.remove("config");
        if (config != null) {
            Map<String, String> fromFile = load(Path.of(config), errors);
            fromFile.putAll(given);
            given = fromFile;
        }
        AgentOptions d = AgentOptions.defaults(defaultName);
        Values v = new Values(given, errors);
        AgentOptions options = new AgentOptions(
                v.text("name", d.name()),
                v.level(d.level()),
                v.choice("prompt", PromptMode.class, d.prompt()),
                v.choice("bridge", BridgeMode.class, d.bridge()),
                v.path("plugins"),
                v.path("rules"),
                v.logLevel(d.log()),
                v.bool("service", d.service()),
                v.duration("budget", d.budget()),
                v.choice("on-failure", Counted.class, d.onFailure()),
                v.choice("on-hang", Counted.class, d.onHang()),
                v.duration("exit-budget", d.exitBudget()),
                v.appId(),
                v.text("log-file", d.logFile()));
        return new Parsed(options, List.copyOf(errors));
    }

    private static Map<String, String> split(String text, List<String> errors) {
        Map<String, String> given = new LinkedHashMap<>();
        for (OptionText.Part part : OptionText.parts(text)) {
            if (part.key().isEmpty()) {
                errors.add("option '" + part.value() + "' is not of the form key=value; ignored");
            } else {
                put(given, part.key(), part.value(), errors);
            }
        }
        return given;
    }

    private static Map<String, String> load(Path file, List<String> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<String> untrusted = TrustedPaths.problem(file);
        if (untrusted.isPresent() && Files.exists(file)) {
            errors.add("config file " + file + " is not trusted: " + untrusted.get() + "; ignored");
            return values;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            errors.add("config file " + file + " cannot be read (" + e.getMessage() + "); ignored");
            return values;
        }
        properties.stringPropertyNames().forEach(k -> put(values, k.strip(), properties.getProperty(k).strip(), errors));
        values.remove("config");
        return values;
    }

    private static void put(Map<String, String> into, String key, String value, List<String> errors) {
        if (!KEYS.contains(key)) {
            errors.add("unknown option '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + "); ignored");
            return;
        }
        into.put(key, value);
    }

    /** Reads one typed value after another, reporting each bad one and falling back to its default. */
    private record Values(Map<String, String> given, List<String> errors) {

        String text(String key, String fallback) {
            String value = given.get(key);
            return value == null || value.isEmpty() ? fallback : value;
        }

        int level(int fallback) {
            String value = given.get("level");
            if (value == null) {
                return fallback;
            }
            try {
                int level = value.toLowerCase(Locale.ROOT).startsWith("0x") ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value);
                if (level < 0 || level > 0x4FF) {
                    throw new NumberFormatException();
                }
                return level;
            } catch (NumberFormatException e) {
                bad("level", value, "a number from 0 to 0x4FF, e.g. 0x280", "0x" + Integer.toHexString(fallback));
                return fallback;
            }
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
            String value = given.get(key);
            if (value == null) {
                return fallback;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().replace('_', '-').equalsIgnoreCase(value)) {
                    return e;
                }
            }
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
            return bad(key, value, "one of " + String.join("|", names), fallback);
        }

        Optional<Path> path(String key) {
            String value = given.get(key);
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
        }

        String logLevel(String fallback) {
            String value = given.get("log");
            if (value == null) {
                return fallback;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            return LOG_LEVELS.contains(lower) ? lower : bad("log", value, "one of " + String.join("|", LOG_LEVELS), fallback);
        }

        /** A desktop file id: letters, digits, {@code _ - .}, as the Desktop Entry spec allows; without {@code .desktop}. */
        String appId() {
            String value = given.getOrDefault("app-id", "");
            String id = value.endsWith(".desktop") ? value.substring(0, value.length() - ".desktop".length()) : value;
            boolean valid = id.length() <= 255;
            for (int i = 0; i < id.length() && valid; i++) { // a loop, not a stream: this runs at every start
                char c = id.charAt(i);
                valid = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
            }
            if (!valid) {
                bad("app-id", value, "a desktop file id such as org.example.Notes", "the id the Linux bridge finds");
                return "";
            }
            return id;
        }

        boolean bool(String key, boolean fallback) {
            String value = given.get(key);
            if (value == null) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            return bad(key, value, "true or false", fallback);
        }

        Duration duration(String key, Duration fallback) {
            String value = given.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                Duration d = Durations.parse(value);
                return d.isZero() ? bad(key, value, "a positive duration", fallback) : d;
            } catch (IllegalArgumentException e) {
                return bad(key, value, "a duration such as 500ms, 5s or 2m", fallback);
            }
        }

        private <T> T bad(String key, String value, String expected, T fallback) {
            String using = fallback instanceof Duration d ? Durations.format(d) : String.valueOf(fallback).toLowerCase(Locale.ROOT);
            errors.add("option " + key + "='" + value + "' is not valid (expected " + expected + "); using " + using);
            return fallback;
        }
    }
}
