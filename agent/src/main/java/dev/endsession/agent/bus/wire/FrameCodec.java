package dev.endsession.agent.bus.wire;

import dev.endsession.api.Reason;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Encodes and decodes a frame's body: {@code u8 version, u8 type, payload} (the u32 length prefix
 * is {@link FrameIO}'s). Decoding accepts only a complete, well-formed, in-bounds message of
 * {@link Bounds#VERSION} and nothing after it; anything else is a {@link WireException} naming the
 * fault. Encoding never produces a frame the decoder would reject: strings longer than
 * {@link Bounds#MAX_STRING} bytes are cut at a character boundary and lists keep their first
 * {@link Bounds#MAX_LIST} entries. Stateless and thread-safe.
 */
public final class FrameCodec {

    private FrameCodec() {
    }

    /** @param body a frame body, without the length prefix @return the message it holds */
    public static Message decode(byte[] body) throws WireException {
        if (body.length > Bounds.MAX_FRAME) {
            throw new WireException("frame of " + body.length + " bytes exceeds " + Bounds.MAX_FRAME);
        }
        Payload in = new Payload(ByteBuffer.wrap(body));
        int version = in.u8("version");
        if (version != Bounds.VERSION) {
            throw new WireException("protocol version " + version + " is not supported (this endpoint speaks "
                    + Bounds.VERSION + ")");
        }
        Message message = switch (Type.of(in.u8("type"))) {
            case HELLO -> new Message.Hello();
            case INFO -> info(in);
            case QUERY -> new Message.Query(in.reasons(), in.millis("query deadline"), in.bool("interactionAllowed"));
            case ANSWER -> new Message.Answer(in.bool("vetoed"), in.strings("block reasons"), in.strings("hung listeners"));
            case END -> new Message.End(in.reasons(), in.bool("ending"), in.millis("end deadline"));
            case ENDED -> new Message.Ended(in.strings("finished"), in.strings("failed"), in.strings("overran"),
                    in.millis("took"));
            case NOTICE -> new Message.Notice(in.reasons(), in.millis("notice deadline"));
            case EXIT -> new Message.Exit();
            case ACK -> new Message.Ack(in.string("note"));
            case FAILURE -> new Message.Failure(in.string("failure"));
        };
        in.end();
        return message;
    }

    private static Message.Info info(Payload in) throws WireException {
        long pid = in.i64("pid");
        if (pid <= 0) {
            throw new WireException("pid " + pid + " is not positive");
        }
        String name = in.string("name");
        int level = in.i32("level");
        if (level < 0 || level > 0xFFFF) {
            throw new WireException("level " + level + " is outside 0..0xFFFF");
        }
        return new Message.Info(pid, name, level, in.string("state"), in.strings("block reasons"), in.bool("service"));
    }

    /** @param message any message @return its frame body, without the length prefix */
    public static byte[] encode(Message message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(Bounds.VERSION);
            out.writeByte(Type.of(message).code);
            if (message instanceof Message.Info m) {
                out.writeLong(m.pid());
                string(out, m.name());
                out.writeInt(m.level());
                string(out, m.state());
                strings(out, m.blockReasons());
                out.writeBoolean(m.service());
            } else if (message instanceof Message.Query m) {
                out.writeInt(bits(m.reasons()));
                out.writeLong(clamp(m.millis()));
                out.writeBoolean(m.interactionAllowed());
            } else if (message instanceof Message.Answer m) {
                out.writeBoolean(m.vetoed());
                strings(out, m.blockReasons());
                strings(out, m.hungListeners());
            } else if (message instanceof Message.End m) {
                out.writeInt(bits(m.reasons()));
                out.writeBoolean(m.ending());
                out.writeLong(clamp(m.millis()));
            } else if (message instanceof Message.Ended m) {
                strings(out, m.finished());
                strings(out, m.failed());
                strings(out, m.overran());
                out.writeLong(clamp(m.tookMillis()));
            } else if (message instanceof Message.Notice m) {
                out.writeInt(bits(m.reasons()));
                out.writeLong(clamp(m.millis()));
            } else if (message instanceof Message.Ack m) {
                string(out, m.note());
            } else if (message instanceof Message.Failure m) {
                string(out, m.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static int bits(Set<Reason> reasons) {
        int bits = 0;
        for (Reason reason : reasons) {
            bits |= 1 << reason.ordinal();
        }
        return bits;
    }

    private static long clamp(long millis) {
        return Math.max(0, Math.min(Bounds.MAX_MILLIS, millis));
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        int count = Math.min(values.size(), Bounds.MAX_LIST);
        out.writeShort(count);
        for (int i = 0; i < count; i++) {
            string(out, values.get(i));
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = cut(value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    /** Cuts a string to at most {@link Bounds#MAX_STRING} UTF-8 bytes without splitting a character. */
    static String cut(String value) {
        if (value.length() * 3 <= Bounds.MAX_STRING || value.getBytes(StandardCharsets.UTF_8).length <= Bounds.MAX_STRING) {
            return value;
        }
        int bytes = 0;
        int end = 0;
        while (end < value.length()) {
            int cp = value.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > Bounds.MAX_STRING) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return value.substring(0, end);
    }
}
