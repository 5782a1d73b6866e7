/**
 * The agent's logging: a lazy front to SLF4J (bound to slf4j-simple inside the agent). Binding
 * SLF4J costs about 20 ms, so it happens only when a message at an enabled level is first logged:
 * an agent with nothing to say never pays for it.
 */
package dev.endsession.agent.log;
