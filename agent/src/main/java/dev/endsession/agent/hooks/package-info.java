/**
 * The shutdown-hook report: when the JVM exits, which of the application's own shutdown hooks ran
 * and how long each took, so a user sees what is too slow for the few seconds Windows allows; and
 * whether the JVM runs hooks at a SIGTERM at all ({@code -Xrs}).
 */
package dev.endsession.agent.hooks;
