/** The programs the benchmarks measure: a hello world, an idle app and an answer-at-once plugin. */
package dev.endsession.bench.apps;
