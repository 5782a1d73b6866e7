/**
 * A small Swing text editor that knows nothing of EndSession. Like many desktop apps it publishes
 * its state for monitoring as a JMX MBean ({@link dev.endsession.examples.notes.EditorMXBean}); the
 * notes plugin finds the editor there, so neither depends on the other.
 */
package dev.endsession.examples.notes;
