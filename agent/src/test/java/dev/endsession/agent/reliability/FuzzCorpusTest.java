package dev.endsession.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.endsession.agent.bus.wire.FrameCodec;
import dev.endsession.agent.bus.wire.FrameReader;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.agent.bus.wire.WireException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fuzzing corpus kept in the repository still means what its names say, so the fuzzer starts
 * from every message type of the current wire format (a format change that breaks the seeds fails
 * here, not silently in the fuzzer).
 */
class FuzzCorpusTest {

    static Path corpus() throws URISyntaxException {
        return Path.of(FuzzCorpusTest.class.getResource("FrameDecoderFuzzInputs/decode").toURI());
    }

    static List<Path> files(String prefix) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    void theValidBodiesDecodeAndCoverEveryMessageType() throws Exception {
        Set<Class<?>> seen = new HashSet<>();
        for (Path file : files("valid-body-")) {
            seen.add(FrameCodec.decode(Files.readAllBytes(file)).getClass());
        }
        assertEquals(Set.of(Message.class.getPermittedSubclasses()), seen);
    }

    @Test
    void theValidStreamReadsBackEveryMessageType() throws Exception {
        FrameReader in = reader(Files.readAllBytes(corpus().resolve("valid-stream-every-kind")));
        Set<Class<?>> seen = new HashSet<>();
        for (Message m = in.read(); m != null; m = in.read()) {
            seen.add(m.getClass());
        }
        assertEquals(Set.of(Message.class.getPermittedSubclasses()), seen);
    }

    @Test
    void theBadSeedsAreRejectedBothAsBodiesAndAsStreams() throws Exception {
        List<Path> bad = files("bad-");
        assertFalse(bad.isEmpty());
        for (Path file : bad) {
            byte[] bytes = Files.readAllBytes(file);
            assertThrows(WireException.class, () -> FrameCodec.decode(bytes), file.getFileName().toString());
            assertThrows(IOException.class, () -> reader(prefixed(bytes)).read(), file.getFileName().toString());
        }
    }

    @Test
    void everySeedPassesTheFuzzTargetsChecks() throws Exception {
        try (Stream<Path> files = Files.list(corpus())) {
            for (Path file : files.toList()) {
                FrameDecoderFuzz.check(Files.readAllBytes(file));
            }
        }
        assertTrue(Arrays.stream(corpus().toFile().list()).noneMatch(n -> n.startsWith("crash-")),
                "a crash-* file is a finding of the fuzzer: fix the decoder, keep the file as a regression seed renamed to bad-*");
    }

    /** A body behind a length prefix that matches it, or the bytes as they are when they already start with a length. */
    static byte[] prefixed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    /** The bus's own frame reader over {@code bytes}. */
    private static FrameReader reader(byte[] bytes) {
        return new FrameReader(Channels.newChannel(new ByteArrayInputStream(bytes)), ByteBuffer.allocate(64));
    }
}
