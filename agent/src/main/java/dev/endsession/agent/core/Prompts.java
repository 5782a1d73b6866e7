package dev.endsession.agent.core;

import dev.endsession.api.Prompt;

/** Prompts the coordinator needs without depending on any user interface. */
public enum Prompts implements Prompt {
    /** Nobody can be asked: every question gets its default answer at once. */
    NONE;

    @Override
    public Answer ask(String question, java.time.Duration timeout, Answer ifNoAnswer) {
        return ifNoAnswer;
    }
}
