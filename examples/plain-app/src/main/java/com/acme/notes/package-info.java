/**
 * A small notes app that has never heard of EndSession: no dependency, no listener. It reads
 * commands on standard input (one a line) so tests and people can drive it; see {@link com.acme.notes.Notes}.
 * The rules in {@code examples/plain-app/notes.rules} make it veto the end of a session while a note
 * has unsaved changes, and save every note at the end.
 */
package com.acme.notes;
