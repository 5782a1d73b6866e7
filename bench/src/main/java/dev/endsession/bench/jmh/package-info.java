/** JMH benchmarks of in-process dispatch on the real coordinator. */
package dev.endsession.bench.jmh;
