/**
 * The EndSession API: what a plugin implements ({@link dev.endsession.api.EndSessionListener}) and
 * what an application may call ({@link dev.endsession.api.EndSession}). It has no dependencies;
 * plugins compile against this package and nothing else.
 */
package dev.endsession.api;
