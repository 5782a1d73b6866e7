/** The agent's own thread pool: threads kept a few seconds for the next task, none while idle. */
package dev.endsession.agent.threads;
