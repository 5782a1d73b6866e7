package dev.endsession.agent.trust;

/** The numeric user id this process runs as. */
public final class Uids {

    private Uids() {
    }

    /** @return this process's uid, or null where the JDK cannot tell (not Unix) */
    public static Long current() {
        try {
            // jdk.security.auth is a platform module: reachable from the agent's isolated loader too.
            Class<?> type = Class.forName("com.sun.security.auth.module.UnixSystem", true, ClassLoader.getPlatformClassLoader());
            Object unix = type.getConstructor().newInstance();
            return ((Number) type.getMethod("getUid").invoke(unix)).longValue();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
