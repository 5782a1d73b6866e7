/**
 * How the user is asked whether the session may end: a Swing dialog when a display is available,
 * a console prompt on a terminal, otherwise the configured default answer
 * ({@link dev.endsession.agent.prompt.PromptChooser}). Every prompt shows how long until it answers
 * by itself. The coordinator's round prompt keeps one prompt on screen at a time and clamps each
 * wait to the round's deadline; the classes here only show, count down and answer, and keep the
 * session's Swing prompts from hiding one another ({@link dev.endsession.agent.prompt.ScreenSlots}).
 */
package dev.endsession.agent.prompt;
