/**
 * The round record: what each end-of-session round did in this JVM, written to the agent's log
 * (the log file, for apps without a console), fed by the coordinator's reports.
 */
package dev.endsession.agent.roundlog;
