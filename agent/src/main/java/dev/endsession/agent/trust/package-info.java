/** Trusted paths: the one rule for files and directories whose contents the agent runs or obeys (plugins, rules, config, the session bus root). */
package dev.endsession.agent.trust;
