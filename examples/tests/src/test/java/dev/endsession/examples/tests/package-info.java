/**
 * Integration tests of the examples and the demo: real JVMs started with the real agent jar on a
 * private session bus, the real CLI as the initiator, real terminations.
 */
package dev.endsession.examples.tests;
