/** Test support shared by the agent's integration tests: real JVMs started with the real agent jar. */
package dev.endsession.agent.testing;
