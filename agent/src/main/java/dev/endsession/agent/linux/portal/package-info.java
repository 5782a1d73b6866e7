/** xdg-desktop-portal's Inhibit interface: the session's end as seen from a sandbox. */
package dev.endsession.agent.linux.portal;
