package dev.endsession.agent.bus;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** A connection thread's own direct buffers, which every connection it serves reads and writes through. */
record Buffers(ByteBuffer in, ByteBuffer out) {

    /** Each buffer: a request or reply of the protocol fits many times over; bigger ones still work. */
    static final int SIZE = 4096;

    /** Makes a new thread's buffers (a class, not a lambda: it runs cold, at an app's first round). */
    static final class Maker implements Supplier<Buffers> {
        @Override
        public Buffers get() {
            return new Buffers(ByteBuffer.allocateDirect(SIZE), ByteBuffer.allocateDirect(SIZE));
        }
    }
}
