package dev.endsession.agent.prompt;

import dev.endsession.agent.config.AgentOptions.PromptMode;
import dev.endsession.agent.core.Prompts;
import dev.endsession.agent.core.RoundAwarePrompt;
import dev.endsession.agent.log.Logger;
import dev.endsession.agent.log.LoggerFactory;
import dev.endsession.api.Prompt;
import dev.endsession.api.Reason;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Picks the prompt the {@code prompt} option asks for. {@code auto} picks Swing when a display is
 * there, else the console when stdin and stdout are a terminal, else none (every question gets its
 * default). The Swing prompt is loaded by name, and the display is looked for without touching AWT
 * first where possible, so a console or headless JVM never loads AWT because of the agent. The
 * choice is made at the first question.
 */
public final class PromptChooser {

    private static final Logger LOG = LoggerFactory.getLogger("endsession.prompt");
    private static final String SWING = "dev.endsession.agent.prompt.SwingPrompt";

    /** The kinds of prompt. */
    public enum Kind { SWING, CONSOLE, NONE }

    private PromptChooser() {
    }

    /**
     * @param mode the {@code prompt} option
     * @param appName the name shown to the user
     * @return the prompt; {@link Prompts#NONE} if the one asked for cannot be made
     */
    public static Prompt choose(PromptMode mode, String appName) {
        return mode == PromptMode.NONE ? Prompts.NONE : new Deferred(mode, appName);
    }

    private static Prompt make(PromptMode mode, String appName) {
        Kind kind = decide(mode, System.getenv(), System.getProperty("os.name", ""), new Headless(),
                Terminal.exists());
        LOG.debug("prompt={} chose the {} prompt", mode, kind);
        return switch (kind) {
            case SWING -> swing(appName);
            case CONSOLE -> new ConsolePrompt(appName);
            case NONE -> Prompts.NONE;
        };
    }

    /**
     * The choice, as a function of what the machine offers.
     *
     * @param mode the {@code prompt} option
     * @param env the environment (DISPLAY, WAYLAND_DISPLAY)
     * @param os the {@code os.name} property
     * @param headless whether AWT says there is no display; asked only when a display is possible
     * @param terminal whether stdin and stdout are a terminal
     * @return the kind of prompt to use
     */
    static Kind decide(PromptMode mode, Map<String, String> env, String os, BooleanSupplier headless, boolean terminal) {
        return switch (mode) {
            case SWING -> Kind.SWING;
            case CONSOLE -> Kind.CONSOLE;
            case NONE -> Kind.NONE;
            case AUTO -> displayPossible(env, os) && !headless.getAsBoolean() ? Kind.SWING : terminal ? Kind.CONSOLE : Kind.NONE;
        };
    }

    /** Windows and macOS always have a display for a desktop session; X11 needs DISPLAY. */
    private static boolean displayPossible(Map<String, String> env, String os) {
        String name = os.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows") || name.startsWith("mac")) {
            return true;
        }
        String display = env.get("DISPLAY");
        return display != null && !display.isBlank();
    }

    /**
     * Whether AWT says there is no display: loads {@code java.awt.GraphicsEnvironment}, not the toolkit,
     * and only once a display is likely. A class, not a method reference: it runs at an app's first, cold round.
     */
    private static final class Headless implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try {
                return java.awt.GraphicsEnvironment.isHeadless();
            } catch (LinkageError e) {
                return true; // a JDK without java.desktop
            }
        }
    }

    private static Prompt swing(String appName) {
        try {
            return (Prompt) Class.forName(SWING).getConstructor(String.class).newInstance(appName);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("The Swing prompt is not available ({}); questions get their default answer", e.toString());
            return Prompts.NONE;
        }
    }

    /**
     * Chooses at the first question, not at start-up: the agent adds nothing to the JVM's start
     * (not even a look at AWT) and most JVMs are never asked anything.
     */
    private static final class Deferred implements RoundAwarePrompt {
        private final PromptMode mode;
        private final String appName;
        private Prompt made;

        Deferred(PromptMode mode, String appName) {
            this.mode = mode;
            this.appName = appName;
        }

        /** Every query asks for its prompt; most never show one, so the choice waits for a question. */
        @Override
        public Prompt forRound(Set<Reason> reasons) {
            return new ForRound(reasons);
        }

        /** A round's prompt, made at its first question; a class, not a lambda: a lambda's first link costs a cold JVM about a millisecond, in every query. */
        private final class ForRound implements Prompt {
            private final Set<Reason> reasons;

            ForRound(Set<Reason> reasons) {
                this.reasons = reasons;
            }

            @Override
            public Answer ask(String question, Duration timeout, Answer ifNoAnswer) {
                Prompt prompt = made();
                Prompt screen = prompt instanceof RoundAwarePrompt aware ? aware.forRound(reasons) : prompt;
                return screen.ask(question, timeout, ifNoAnswer);
            }
        }

        private synchronized Prompt made() {
            if (made == null) {
                made = make(mode, appName);
            }
            return made;
        }
    }
}
