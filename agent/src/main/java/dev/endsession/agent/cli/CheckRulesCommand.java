package dev.endsession.agent.cli;

import dev.endsession.agent.rules.RulesCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check-rules FILE [--class-path CP]}: every problem of a rules file, each one line with its
 * {@code file:line}, before it is deployed. The application's classes are read as class files,
 * never loaded: none of its code runs.
 */
@Command(name = "check-rules", mixinStandardHelpOptions = true,
        description = {"Check a rules file: its syntax, and with --class-path the classes, methods and fields it names "
                + "(read from class files; nothing of the application is loaded or run)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no problem", "2:a problem in the file (each printed with its line), or bad usage"})
final class CheckRulesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the rules file")
    Path file;

    @Option(names = {"--class-path", "-cp"}, paramLabel = "CP",
            description = "the application's class path (directories and jars, separated by ':' or ';' as the OS does); "
                    + "without it only the syntax is checked")
    String classPath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("The rules file " + file + " cannot be read.");
            return Cli.USAGE;
        }
        List<String> problems = RulesCheck.problems(file, classPath);
        for (String problem : problems) {
            err.println(problem);
        }
        int rules = RulesCheck.rules(file);
        String checked = classPath == null ? " (syntax only: give --class-path to check classes and members)" : "";
        if (problems.isEmpty()) {
            out.println(file + ": " + rules + " rule" + (rules == 1 ? "" : "s") + ", no problem" + checked + ".");
            return Cli.ENDED;
        }
        err.println(file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + checked + ".");
        return Cli.USAGE;
    }
}
