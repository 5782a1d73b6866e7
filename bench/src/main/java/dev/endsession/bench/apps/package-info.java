/** The programs the benchmarks measure: a hello world, an idle app, an app that behaves like a real one (lambdas, streams, {@code CompletableFuture} before its first round) and an answer-at-once plugin. */
package dev.endsession.bench.apps;
