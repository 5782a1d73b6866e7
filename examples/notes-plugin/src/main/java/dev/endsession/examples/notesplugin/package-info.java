/**
 * The notes editor's plugin. It compiles against the EndSession API only and finds the editor
 * through the editor's own JMX MBean ({@code dev.endsession.examples.notes:type=Editor}): the
 * editor knows nothing of EndSession, and the plugin knows nothing of the editor's classes.
 */
package dev.endsession.examples.notesplugin;
