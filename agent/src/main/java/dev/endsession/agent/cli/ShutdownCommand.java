package dev.endsession.agent.cli;

import dev.endsession.api.Reason;
import picocli.CommandLine.Command;

/** {@code shutdown}: an end-of-session round with {@link Reason#SHUTDOWN} on the session bus. */
@Command(name = "shutdown", mixinStandardHelpOptions = true, description = "Shut down: end every app of the session, unless one vetoes.")
final class ShutdownCommand extends EndCommand {

    @Override
    Reason kind() {
        return Reason.SHUTDOWN;
    }
}
