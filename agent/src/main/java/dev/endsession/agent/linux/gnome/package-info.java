/** gnome-session's client protocol ({@code org.gnome.SessionManager}, session bus). */
package dev.endsession.agent.linux.gnome;
