package dev.endsession.agent.bus.wire;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzzer for the decoder, run in the suite: random bytes, and valid frames mutated (bit
 * flips, byte changes, truncation, extension, splices, extreme lengths). Every input must be either
 * accepted as a message or rejected with a {@link WireException} (or {@link EOFException} for a
 * stream cut short): never another exception, a hang, or an allocation beyond the frame bound.
 */
class FrameFuzzTest {

    private static final long SEED = 0x5E55_10_4EL;
    private static final int CASES = 250_000;

    @Test
    void randomAndMutatedFramesAreCleanlyAcceptedOrRejected() {
        int[] counts = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(new SplittableRandom(SEED)));
        assertTrue(counts[0] > 100, "some mutated frames must still decode: " + counts[0]);
        assertTrue(counts[1] > CASES / 2, "most inputs must be rejected: " + counts[1]);
    }

    private static int[] run(SplittableRandom random) {
        byte[][] seeds = FrameCodecTest.EVERY_KIND.stream().map(FrameCodec::encode).toArray(byte[][]::new);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = i % 4 == 0 ? randomBytes(random) : mutate(seeds[random.nextInt(seeds.length)], random, seeds);
            if (decode(input, i)) {
                accepted++;
            } else {
                rejected++;
            }
            if (readFramed(input, random, i)) {
                accepted++;
            } else {
                rejected++;
            }
        }
        return new int[] {accepted, rejected};
    }

    private static boolean decode(byte[] input, int i) {
        try {
            FrameCodec.decode(input);
            return true;
        } catch (WireException e) {
            return false;
        } catch (RuntimeException | Error e) {
            return fail("case " + i + ": decode threw " + e + " for " + hex(input), e);
        }
    }

    /** The same bytes behind a length prefix that is right, or off, or wild. */
    private static boolean readFramed(byte[] body, SplittableRandom random, int i) {
        int length = switch (random.nextInt(4)) {
            case 0 -> random.nextInt();
            case 1 -> body.length + random.nextInt(-3, 4);
            default -> body.length;
        };
        byte[] framed = ByteBuffer.allocate(4 + body.length).putInt(length).put(body).array();
        try {
            FrameCodecTest.reader(framed).read();
            return true;
        } catch (WireException | EOFException e) {
            return false;
        } catch (IOException | RuntimeException | Error e) {
            return fail("case " + i + ": read threw " + e + " for " + hex(framed), e);
        }
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(0, 96)];
        random.nextBytes(bytes);
        if (bytes.length > 1 && random.nextBoolean()) {
            bytes[0] = (byte) Bounds.VERSION; // get past the version check more often
            bytes[1] = (byte) random.nextInt(0, 12);
        }
        return bytes;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random, byte[][] seeds) {
        byte[] bytes = seed.clone();
        int rounds = random.nextInt(1, 4);
        for (int r = 0; r < rounds; r++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (bytes.length > 0) {
                        int at = random.nextInt(bytes.length);
                        bytes[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> {
                    if (bytes.length > 0) {
                        bytes[random.nextInt(bytes.length)] = (byte) pick(random, 0, 1, 0x7F, 0x80, 0xFF);
                    }
                }
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(0, bytes.length + 1));
                case 3 -> bytes = java.util.Arrays.copyOf(bytes, bytes.length + random.nextInt(1, 8));
                case 4 -> {
                    byte[] other = seeds[random.nextInt(seeds.length)];
                    int cut = random.nextInt(0, Math.min(bytes.length, other.length) + 1);
                    System.arraycopy(other, 0, bytes, 0, Math.min(cut, bytes.length));
                }
                default -> {
                    if (bytes.length >= 4) {
                        int at = random.nextInt(bytes.length - 1);
                        bytes[at] = (byte) 0xFF; // an extreme length or count
                        bytes[at + 1] = (byte) 0xFF;
                    }
                }
            }
        }
        return bytes;
    }

    private static int pick(SplittableRandom random, int... values) {
        return values[random.nextInt(values.length)];
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }
}
