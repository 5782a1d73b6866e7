package dev.endsession.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link SimulatedSession} or {@link RealSession}; a real session's JVMs
 * are killed and its bus directory deleted when the test ends, whatever its outcome.
 */
final class SessionExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SessionExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SimulatedSession.class || type == RealSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SimulatedSession.class) {
            return new SimulatedSession();
        }
        try {
            RealSession session = RealSession.create();
            // Closed by JUnit when the test ends: AutoCloseable values in the store are closed then.
            context.getStore(NAMESPACE).put(session, session);
            return session;
        } catch (java.io.IOException e) {
            throw new ParameterResolutionException("Could not make a private session bus directory: " + e.getMessage(), e);
        }
    }
}
