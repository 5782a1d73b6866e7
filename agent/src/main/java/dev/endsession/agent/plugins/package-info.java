/** Finds listeners: {@code ServiceLoader} on the application's class path and in the jars of {@code plugins=DIR}. */
package dev.endsession.agent.plugins;
