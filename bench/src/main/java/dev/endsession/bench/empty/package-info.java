/** The empty agent: the baseline of the start-up benchmark. */
package dev.endsession.bench.empty;
