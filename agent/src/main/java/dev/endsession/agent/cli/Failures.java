package dev.endsession.agent.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the CLI fails: one error line on stderr, in one format for every option
 * ({@code option --mode='sideways' is not valid (expected modern|classic)}, as the agent's own
 * options say it), then one line naming the help to read, not the whole usage; with
 * {@code --json}, stdout also gets the JSON error object, so every exit path prints valid JSON.
 */
final class Failures {

    private Failures() {
    }

    /**
     * @param option the option's name, e.g. {@code --timeout}
     * @param value what was given
     * @param expected what would be valid, e.g. {@code a duration such as 500ms, 5s or 2m}
     * @return the usage error, in the one format
     */
    static ParameterException badOption(CommandLine cli, String option, String value, String expected) {
        return new ParameterException(cli, "option " + option + "='" + value + "' is not valid (expected " + expected + ")");
    }

    /** Prints a failure that is not bad usage (no bus, no app, ...) and returns the exit code 3. */
    static int failure(CommandLine cli, boolean json, String message) {
        cli.getErr().println("endsession: " + message);
        cli.getErr().flush();
        if (json) {
            cli.getOut().println(Json.error(message, Cli.FAILURE));
            cli.getOut().flush();
        }
        return Cli.FAILURE;
    }

    /** picocli's handler for bad usage: the error, a hint, exit 2. */
    static int usage(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String message = message(e);
        PrintWriter err = cli.getErr();
        err.println("endsession: " + message);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for the options and exit codes.");
        err.flush();
        if (Arrays.asList(args).contains("--json")) {
            cli.getOut().println(Json.error(message, Cli.USAGE));
            cli.getOut().flush();
        }
        return Cli.USAGE;
    }

    /** picocli's handler for an exception out of a command: one line, exit 3. */
    static int failed(Exception e, CommandLine cli, ParseResult parsed) {
        boolean json = parsed.expandedArgs().contains("--json");
        return failure(cli, json, "failed: " + e);
    }

    /** @return picocli's message in the one format where picocli wrote its own */
    private static String message(ParameterException e) {
        ArgSpec arg = e.getArgSpec();
        String text = e.getMessage();
        if (arg instanceof OptionSpec option && text.startsWith("Invalid value for option")) {
            String value = e.getValue() == null ? "" : e.getValue();
            List<String> choices = new java.util.ArrayList<>();
            option.completionCandidates().forEach(choices::add);
            if (value.isEmpty()) {
                int but = text.lastIndexOf("but was '");
                value = but < 0 ? "?" : text.substring(but + 9, text.length() - 1);
            }
            return "option " + option.longestName() + "='" + value + "' is not valid (expected "
                    + (choices.isEmpty() ? option.paramLabel() : String.join("|", choices)) + ")";
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            List<String> near = unmatched.getSuggestions();
            return (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'"
                    + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?");
        }
        return lowerFirst(text);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
