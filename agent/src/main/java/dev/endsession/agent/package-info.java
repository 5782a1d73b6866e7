/**
 * The agent's start-up ({@link dev.endsession.agent.Agent}) and the one interface every bridge
 * implements ({@link dev.endsession.agent.Bridge}). Each concern lives in its own sub-package:
 * {@code core}, {@code config}, {@code plugins}, {@code bus}, {@code windows}, {@code prompt},
 * {@code rules}, {@code cli}, {@code threads}.
 */
package dev.endsession.agent;
