/**
 * The benchmark harness behind {@code bench/run}: start-up, where start-up time goes, rounds over N
 * attached JVMs, idle cost and in-process dispatch, each against a baseline measured in the same run,
 * written to {@code bench/RESULTS.md}.
 */
package dev.endsession.bench;
