/** logind's and elogind's shutdown delay lock ({@code org.freedesktop.login1}, system bus). */
package dev.endsession.agent.linux.logind;
