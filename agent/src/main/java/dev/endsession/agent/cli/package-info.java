/** The command line: {@code java -jar endsession-agent.jar <command>}; one picocli class per subcommand. */
package dev.endsession.agent.cli;
