/** Agent options: {@code -javaagent:endsession-agent.jar=k=v,k=v} or a properties file via {@code config=PATH}. */
package dev.endsession.agent.config;
