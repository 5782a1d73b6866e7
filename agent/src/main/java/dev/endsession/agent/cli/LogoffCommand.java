package dev.endsession.agent.cli;

import dev.endsession.api.Reason;
import picocli.CommandLine.Command;

/** {@code logoff}: an end-of-session round with {@link Reason#LOGOFF} on the session bus. */
@Command(name = "logoff", mixinStandardHelpOptions = true, description = "Log off: end every app of the session, unless one vetoes.")
final class LogoffCommand extends EndCommand {

    @Override
    Reason kind() {
        return Reason.LOGOFF;
    }
}
