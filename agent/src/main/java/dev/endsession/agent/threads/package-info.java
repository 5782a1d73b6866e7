/**
 * The agent's threads, from {@code java.util.concurrent}: daemon, named, none kept while idle.
 *
 * <p>Style, decided by measurement (bench/README.md, "Lambdas on the round's path"): lambdas and
 * streams are welcome on the round's path; a real app has bootstrapped them long before its first round.
 */
package dev.endsession.agent.threads;
