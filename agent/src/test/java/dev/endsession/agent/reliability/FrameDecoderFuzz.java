package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.endsession.agent.bus.wire.FrameCodec;
import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.bus.wire.WireException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;

/**
 * Coverage-guided fuzzing of the wire decoder with Jazzer. Each input is decoded as one frame body
 * and read as a stream of length-prefixed frames. The only allowed outcomes are a message (which then
 * encodes and decodes back to itself) or a {@link WireException} / {@link EOFException}: any other
 * exception, an error or a hang is a finding, written next to the corpus as a {@code crash-*} file
 * that every later run replays.
 *
 * <p>Seeds: {@code src/test/resources/dev/endsession/agent/reliability/FrameDecoderFuzzInputs/decode/}
 * (valid frames of every message type, and malformed ones; {@code decodeLonger/} links to it). The
 * surefire execution {@code fuzz} runs {@code decode} with {@code JAZZER_FUZZ=1} for 30 s;
 * {@code -Dfuzz.test=FrameDecoderFuzz#decodeLonger} fuzzes for 10 minutes instead (Jazzer fuzzes one
 * test per run, and a test's duration is fixed in its annotation). Without {@code JAZZER_FUZZ} (an
 * IDE) both replay the corpus only.
 */
class FrameDecoderFuzz {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] input) {
        check(input);
    }

    @FuzzTest(maxDuration = "10m")
    void decodeLonger(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        try {
            Message message = FrameCodec.decode(input);
            assertEquals(message, FrameCodec.decode(FrameCodec.encode(message)), "a decoded message encodes back to itself");
        } catch (WireException rejected) {
            // the expected answer to a malformed body
        }
        FrameReader stream = new FrameReader(Channels.newChannel(new ByteArrayInputStream(input)), ByteBuffer.allocate(7));
        try {
            while (stream.read() != null) {
                // every frame on the stream, until it ends or breaks the format
            }
        } catch (WireException | EOFException rejected) {
            // the expected answer to a malformed or cut stream
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
    }
}
