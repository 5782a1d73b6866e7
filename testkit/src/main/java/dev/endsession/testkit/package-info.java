/**
 * Test end-of-session behaviour without Windows and without spawning processes: a
 * {@link dev.endsession.testkit.SimulatedSession} runs the same round rules as the session bus's
 * initiator over listeners in the test's own JVM; {@link dev.endsession.testkit.RealSession} starts
 * real JVMs with the agent on a private session bus for end-to-end tests.
 *
 * <pre>{@code
 * @EndSessionTest
 * class UnsavedWorkTest {
 *     @Test
 *     void vetoesWhileADocumentIsUnsaved(SimulatedSession session) {
 *         session.app("notes").listener(new UnsavedWork(documents));
 *         RoundReport round = session.logoff();
 *         assertTrue(round.cancelled());
 *         assertEquals("Unsaved changes in 1 document", round.app("notes").reason());
 *     }
 * }
 * }</pre>
 */
package dev.endsession.testkit;
