/** The agent's threads, from {@code java.util.concurrent}: daemon, named, none kept while idle. */
package dev.endsession.agent.threads;
