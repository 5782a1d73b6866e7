/**
 * The only agent classes the application's class loader sees (with the API): the entry points,
 * the start beside the application ({@link dev.endsession.agent.boot.Startup}, with the exit hook
 * and the facade's wait), the class loader that keeps the rest of the agent, and its libraries, out
 * of the application's sight (JNA as a nested jar), and {@link dev.endsession.agent.boot.Instances},
 * the hook that classes woven for rules call. JDK classes only.
 */
package dev.endsession.agent.boot;
