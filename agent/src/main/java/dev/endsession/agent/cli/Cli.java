package dev.endsession.agent.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The root command. Exit codes (contract): 0 the session ended, 1 cancelled by a veto, 2 bad usage
 * or input, 3 no session bus or another failure. Its name in help and hints is the command a user
 * runs: {@code java -jar endsession-agent.jar} (the jar's own file name when run from one).
 */
@Command(name = "java -jar endsession-agent.jar", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Take part in, inspect and start the end of a user session.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the session ended (status: apps listed; status --probe: nobody would block)",
            "1:cancelled by a veto or a hung app (status --probe: someone would block)", "2:bad usage or input",
            "3:no session bus, no app, or another failure"},
        subcommands = {CommandLine.HelpCommand.class, StatusCommand.class, LogoffCommand.class, ShutdownCommand.class,
            RestartCommand.class, AttachCommand.class, CheckRulesCommand.class})
public final class Cli implements Runnable {

    /** Exit code: the session ended. */
    public static final int ENDED = 0;
    /** Exit code: cancelled by a veto. */
    public static final int CANCELLED = 1;
    /** Exit code: bad usage or input. */
    public static final int USAGE = 2;
    /** Exit code: no session bus, or another failure. */
    public static final int FAILURE = 3;

    /** What {@code --session} expects, in the words of the session directory's rule. */
    static final String SESSION_NAME = "a session name: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the commands read ({@code ENDSESSION_BUS_DIR}, {@code ENDSESSION_SESSION}, ...). */
    Map<String, String> env = System.getenv();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** @param args the command line @return the exit code */
    public static int run(String... args) {
        return run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs a command with a given environment and output, as tests and embedders do.
     *
     * @param env the environment the commands see
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code
     */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = MODEL.get();
        ((Cli) cli.getCommand()).env = Map.copyOf(env);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /**
     * The command model, built once per thread: picocli builds it by reflection over every
     * subcommand, about 5 ms a call here, and its reflective code kept the JIT of a JVM that runs
     * rounds one after another busy (tests, the benchmark). picocli resets every option to its
     * initial value before it parses, so a model is reusable; it is not thread-safe, hence one per thread.
     */
    private static final ThreadLocal<CommandLine> MODEL = ThreadLocal.withInitial(Cli::model);

    private static CommandLine model() {
        CommandLine cli = new CommandLine(new Cli());
        cli.setCommandName(program());
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(FAILURE);
        cli.setParameterExceptionHandler(Failures::usage);
        cli.setExecutionExceptionHandler(Failures::failed);
        return cli;
    }

    /** @return how a user runs this CLI: {@code java -jar} and the agent jar's file name */
    static String program() {
        java.nio.file.Path jar = agentJar();
        return "java -jar " + (jar == null ? "endsession-agent.jar" : jar.getFileName());
    }

    /** @return the agent jar this CLI runs from, or null when not run from a jar (tests, an IDE) */
    static java.nio.file.Path agentJar() {
        try {
            java.nio.file.Path location = java.nio.file.Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage() == null ? null : Cli.class.getPackage().getImplementationVersion();
            return new String[] {"endsession " + (version == null ? readManifestVersion() : version)};
        }

        private static String readManifestVersion() {
            try (var in = Cli.class.getClassLoader().getParent() == null ? null
                    : ClassLoader.getSystemResourceAsStream("META-INF/MANIFEST.MF")) {
                if (in != null) {
                    String value = new java.util.jar.Manifest(in).getMainAttributes().getValue("Implementation-Version");
                    if (value != null) {
                        return value;
                    }
                }
            } catch (java.io.IOException e) {
                // fall through
            }
            return "(development build)";
        }
    }
}
