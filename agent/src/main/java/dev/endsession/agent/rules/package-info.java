/**
 * Rules for unmodified applications: a rules file ({@link dev.endsession.agent.rules.RulesFile})
 * gives an app end-of-session behaviour without Java code. Each rule tracks the live instances of
 * a class (weakly) or reaches them through a static accessor, vetoes while a boolean method on any
 * of them returns true, and calls a cleanup method on each at the end.
 *
 * <p>Only the classes named in tracking rules are transformed, by {@link dev.endsession.agent.rules.Weaver},
 * the one class here that uses Byte Buddy: with no such rule, or before such a class loads, Byte
 * Buddy is not loaded at all. The format is in {@code docs/rules.md}.
 *
 * <p>Whether a rule fits a class is decided in one place, {@code Fit}, on a
 * {@code Shape} read by reflection (the agent) or from class files without
 * loading anything ({@link dev.endsession.agent.rules.RulesCheck}, behind {@code check-rules}): both
 * say the same words, with "did you mean" ranked by {@code Suggestions}.
 */
package dev.endsession.agent.rules;
