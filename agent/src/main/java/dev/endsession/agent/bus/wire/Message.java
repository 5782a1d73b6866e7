package dev.endsession.agent.bus.wire;

import dev.endsession.api.Reason;
import java.util.List;
import java.util.Set;

/**
 * Everything that travels on the session bus. The initiator sends requests ({@link Hello},
 * {@link Query}, {@link End}, {@link Notice}, {@link Exit}); the app's endpoint answers each with
 * exactly one reply ({@link Info}, {@link Answer}, {@link Ended}, {@link Ack}, or {@link Failure}).
 * Records validate nothing themselves: {@link FrameCodec} enforces {@link Bounds} both ways.
 */
public sealed interface Message {

    /** Asks the app who it is. */
    record Hello() implements Message {
    }

    /** The app's identity and state. */
    record Info(long pid, String name, int level, String state, List<String> blockReasons, boolean service)
            implements Message {
        public Info {
            blockReasons = List.copyOf(blockReasons);
        }
    }

    /** Phase 1: may the session end? {@code millis} is how long the app has to answer. */
    record Query(Set<Reason> reasons, long millis, boolean interactionAllowed) implements Message {
        public Query {
            reasons = Set.copyOf(reasons);
        }
    }

    /** The app's answer to a {@link Query}. */
    record Answer(boolean vetoed, List<String> blockReasons, List<String> hungListeners) implements Message {
        public Answer {
            blockReasons = List.copyOf(blockReasons);
            hungListeners = List.copyOf(hungListeners);
        }
    }

    /** Phase 2: the session ends ({@code ending}) or the round is cancelled; {@code millis} to clean up. */
    record End(Set<Reason> reasons, boolean ending, long millis) implements Message {
        public End {
            reasons = Set.copyOf(reasons);
        }
    }

    /** What the app's cleanup did (all empty after a cancellation). */
    record Ended(List<String> finished, List<String> failed, List<String> overran, long tookMillis) implements Message {
        public Ended {
            finished = List.copyOf(finished);
            failed = List.copyOf(failed);
            overran = List.copyOf(overran);
        }
    }

    /** The console notice ({@code CTRL_LOGOFF_EVENT}/{@code CTRL_SHUTDOWN_EVENT} analog). */
    record Notice(Set<Reason> reasons, long millis) implements Message {
        public Notice {
            reasons = Set.copyOf(reasons);
        }
    }

    /** Termination, step one: the app is asked to exit. */
    record Exit() implements Message {
    }

    /** A plain acknowledgement, with a word on what the app does about it. */
    record Ack(String note) implements Message {
    }

    /** The request could not be served; the text says why. */
    record Failure(String text) implements Message {
    }
}
