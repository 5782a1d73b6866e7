/**
 * The agent's logging: a lazy front to SLF4J (bound to slf4j-simple inside the agent). Binding
 * SLF4J costs about 20 ms, so it happens only when a message at an enabled level is first logged:
 * an agent with nothing to say never pays for it. With {@code log-file=} the agent appends its
 * lines to that file itself (slf4j-simple would truncate it at each start), without SLF4J; so it
 * does where SLF4J is missing (the testkit on a user's test class path), to stderr.
 */
package dev.endsession.agent.log;
