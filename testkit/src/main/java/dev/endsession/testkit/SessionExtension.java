package dev.endsession.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link SimulatedSession} or {@link RealSession}; a real session's JVMs
 * are killed and its bus directory deleted when the test (or, for one given to a
 * {@code @BeforeAll} method, the class) ends, whatever its outcome. Closed by the callbacks rather
 * than by the store: JUnit closes an {@code AutoCloseable} in the store only from 5.13 on, and its
 * older {@code CloseableResource} is deprecated in 6. Uses only JUnit 5.0's extension API.
 */
final class SessionExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

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
            opened(context).add(session);
            return session;
        } catch (IOException e) {
            throw new ParameterResolutionException("Could not make a private session bus directory: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close(context);
    }

    /** The sessions opened for this very context (keyed by its id: the store would find a parent's list). */
    @SuppressWarnings("unchecked")
    private static List<RealSession> opened(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        List<RealSession> sessions = store.get(context.getUniqueId(), List.class);
        if (sessions == null) {
            sessions = new ArrayList<>();
            store.put(context.getUniqueId(), sessions);
        }
        return sessions;
    }

    private static void close(ExtensionContext context) throws IOException {
        List<?> sessions = context.getStore(NAMESPACE).remove(context.getUniqueId(), List.class);
        if (sessions == null) {
            return;
        }
        IOException first = null;
        for (Object session : sessions) {
            try {
                ((RealSession) session).close();
            } catch (IOException | UncheckedIOException e) {
                IOException failure = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
