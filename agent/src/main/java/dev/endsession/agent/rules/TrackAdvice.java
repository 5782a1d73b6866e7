package dev.endsession.agent.rules;

import dev.endsession.agent.boot.Instances;
import net.bytebuddy.asm.Advice;

/**
 * The code Byte Buddy inlines at the end of every constructor of a tracked class. It runs in the
 * application's class loader, so it may only name classes the application sees: {@link Instances}
 * (in the agent jar's boot package). {@code suppress} keeps any failure, even a missing
 * {@code Instances} under an unusual class loader, out of the application's constructor.
 */
final class TrackAdvice {

    private TrackAdvice() {
    }

    /** Reports the object once its constructor returned normally (never for one that threw). */
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Origin("#t") String type) {
        Instances.track(type, self);
    }
}
