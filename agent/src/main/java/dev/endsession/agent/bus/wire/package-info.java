/**
 * The session bus's wire format: versioned, length-prefixed binary frames with hard bounds on the
 * frame size, string lengths and list counts. {@link dev.endsession.agent.bus.wire.FrameCodec}
 * turns bytes into {@link dev.endsession.agent.bus.wire.Message}s and back, rejecting anything
 * malformed with a {@link dev.endsession.agent.bus.wire.WireException} that says why. No I/O here
 * beyond reading and writing whole frames on a channel
 * ({@link dev.endsession.agent.bus.wire.FrameReader}, {@link dev.endsession.agent.bus.wire.FrameWriter}).
 */
package dev.endsession.agent.bus.wire;
