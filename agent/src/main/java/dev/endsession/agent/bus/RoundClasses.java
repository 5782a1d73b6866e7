package dev.endsession.agent.bus;

import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;

/**
 * The classes an app needs to answer its first round, loaded while it is idle, right after its
 * endpoint is bound, so the user's first logoff does not wait for them.
 *
 * <p>Why: an app answers a handful of rounds in its life, so its first is the one that counts, and
 * it ran cold: about 80 classes were loaded during it, ours from the agent's own loader (read from
 * the jar, parsed and verified: no CDS for a custom loader) and NIO's from {@code jrt}. That was
 * most of an app's first answer (bench/README.md, "The first round"). The list is what
 * {@code -Xlog:class+load} showed over a first {@code logoff} (hello, query, cancel) in one app.
 * A name that is gone is skipped; {@code RoundClassesTest} keeps ours honest.
 */
final class RoundClasses {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.bus");

    /** Ours, in the order the first round met them: loaded and initialised (their initialisers only make loggers and tables). */
    static final String[] OWN = {
        "dev.endsession.agent.bus.Conversation",
        "dev.endsession.agent.bus.Conversation$GivingUp",
        "dev.endsession.agent.core.CallerRuns$Armed",
        "dev.endsession.agent.bus.Buffers",
        "dev.endsession.agent.bus.Watchdog$Closing",
        "dev.endsession.agent.bus.wire.Message",
        "dev.endsession.agent.bus.wire.FrameReader",
        "dev.endsession.agent.bus.wire.FrameWriter",
        "dev.endsession.agent.bus.Watchdog$Entry",
        "dev.endsession.agent.bus.Watchdog$Timer",
        "dev.endsession.agent.bus.wire.FrameCodec",
        "dev.endsession.agent.bus.wire.WireException",
        "dev.endsession.agent.bus.wire.Payload",
        "dev.endsession.agent.bus.wire.Message$Hello",
        "dev.endsession.agent.bus.wire.Message$Info",
        "dev.endsession.agent.bus.wire.Message$Query",
        "dev.endsession.agent.bus.Conversation$Answered",
        "dev.endsession.agent.prompt.PromptChooser$Headless",
        "dev.endsession.agent.prompt.Terminal",
        "dev.endsession.agent.prompt.PromptChooser$Kind",
        "dev.endsession.agent.core.Prompts",
        "dev.endsession.agent.core.RoundPrompt",
        "dev.endsession.agent.core.Events$Query",
        "dev.endsession.agent.core.Here",
        "dev.endsession.agent.core.Coordinator$QueryHere",
        "dev.endsession.agent.core.Here$Call",
        "dev.endsession.agent.bus.Conversation$Disarming",
        "dev.endsession.agent.bus.Conversation$Due",
        "dev.endsession.api.Vote",
        "dev.endsession.agent.core.ListenerAnswer",
        "dev.endsession.agent.core.ListenerAnswer$Kind",
        "dev.endsession.agent.core.QueryReport",
        "dev.endsession.agent.bus.wire.Message$Answer",
        "dev.endsession.agent.bus.wire.Message$End",
        "dev.endsession.agent.bus.Conversation$Cancelled",
        "dev.endsession.agent.core.Events$End",
        "dev.endsession.agent.core.Coordinator$CancelHere",
        "dev.endsession.agent.core.Calls$Event",
        "dev.endsession.agent.bus.wire.Message$Ended",
    };

    /** The JDK's: loaded only (their initialisers are the JDK's business, and run at first use). */
    static final String[] JDK = {
        "sun.nio.ch.IOStatus",
        "java.nio.channels.SocketChannel",
        "sun.nio.ch.SocketChannelImpl",
        "sun.nio.ch.SocketChannelImpl$DefaultOptionsHolder",
        "java.net.StandardSocketOptions",
        "java.net.StandardSocketOptions$StdSocketOption",
        "sun.nio.ch.ExtendedSocketOption",
        "sun.nio.ch.ExtendedSocketOption$1",
        "java.nio.file.attribute.GroupPrincipal",
        "sun.nio.fs.UnixUserPrincipals$Group",
        "java.nio.DirectByteBuffer$Deallocator",
        "java.io.EOFException",
        "java.nio.charset.CharacterCodingException",
        "sun.nio.ch.FileDispatcherImpl",
        "java.time.Instant",
        "java.time.Clock",
        "java.io.Console",
        "jdk.internal.access.JavaIOAccess",
        "java.io.Console$2",
        "java.util.concurrent.FutureTask",
        "java.util.concurrent.FutureTask$WaitNode",
        "java.time.temporal.ChronoUnit",
        "java.time.Instant$1",
        "java.time.temporal.ChronoField",
    };

    private RoundClasses() {
    }

    /**
     * Loads them; never throws.
     *
     * @param loader the agent's loader
     * @return how many were found
     */
    static int load(ClassLoader loader) {
        int found = load(OWN, true, loader) + load(JDK, false, loader);
        LOG.debug("Loaded {} classes for the first round", found);
        return found;
    }

    private static int load(String[] names, boolean initialize, ClassLoader loader) {
        int found = 0;
        for (String name : names) {
            try {
                Class.forName(name, initialize, loader);
                found++;
            } catch (ClassNotFoundException | LinkageError e) {
                // another JDK's internals, or a class renamed since: it loads at the first round instead
            }
        }
        return found;
    }
}
