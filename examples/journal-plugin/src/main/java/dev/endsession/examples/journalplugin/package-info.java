/**
 * The journal app's cleanup plugin: it compiles against the EndSession API and the journal's
 * public {@code Journal} class, and closes the journal when the session ends.
 */
package dev.endsession.examples.journalplugin;
