package dev.endsession.agent.cli;

import dev.endsession.api.Reason;
import picocli.CommandLine.Command;

/** {@code restart}: an end-of-session round with {@link Reason#RESTART} on the session bus. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart: end every app of the session, unless one vetoes.")
final class RestartCommand extends EndCommand {

    @Override
    Reason kind() {
        return Reason.RESTART;
    }
}
