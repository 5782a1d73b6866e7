/**
 * The reliability suite: real JVMs with the real agent jar under load, faults, bad input and unsafe
 * directories. Scaled down by default (CI); {@code -Dreliability.full=true} runs the full size.
 * Outcomes are documented in {@code docs/reliability.md}.
 */
package dev.endsession.agent.reliability;
