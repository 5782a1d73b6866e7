package dev.endsession.agent.bus.wire;

import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes a frame's body: {@code u8 version, u8 type, payload} (the u32 length prefix
 * is {@link #frame}'s and {@link FrameReader}'s). Decoding accepts only a complete, well-formed, in-bounds message of
 * {@link Bounds#VERSION} and nothing after it; anything else is a {@link WireException} naming the
 * fault. Encoding never produces a frame the decoder would reject: strings longer than
 * {@link Bounds#MAX_STRING} bytes are cut at a character boundary and lists keep their first
 * {@link Bounds#MAX_LIST} entries. Stateless and thread-safe.
 */
public final class FrameCodec {

    private FrameCodec() {
    }

    /** @return a length prefix's value, once it is known to be a possible frame body's length */
    static int checkedLength(int length) throws WireException {
        if (length < 2 || length > Bounds.MAX_FRAME) {
            throw new WireException("frame length " + Integer.toUnsignedString(length) + " is outside 2.." + Bounds.MAX_FRAME);
        }
        return length;
    }

    /** @param body a frame body, without the length prefix @return the message it holds */
    public static Message decode(byte[] body) throws WireException {
        if (body.length > Bounds.MAX_FRAME) {
            throw new WireException("frame of " + body.length + " bytes exceeds " + Bounds.MAX_FRAME);
        }
        Payload in = new Payload(body);
        int version = in.u8("version");
        if (version != Bounds.VERSION) {
            throw new WireException("protocol version " + version + " is not supported (this endpoint speaks "
                    + Bounds.VERSION + ")");
        }
        int type = in.u8("type");
        Message message = switch (type) {
            case Type.HELLO -> new Message.Hello();
            case Type.INFO -> info(in);
            case Type.QUERY -> new Message.Query(in.reasons(), in.millis("query deadline"), in.bool("interactionAllowed"));
            case Type.ANSWER -> new Message.Answer(in.bool("vetoed"), in.strings("block reasons"), in.strings("hung listeners"));
            case Type.END -> new Message.End(in.reasons(), in.bool("ending"), in.millis("end deadline"));
            case Type.ENDED -> new Message.Ended(in.strings("finished"), in.strings("failed"), in.strings("overran"),
                    in.millis("took"));
            case Type.NOTICE -> new Message.Notice(in.reasons(), in.millis("notice deadline"));
            case Type.EXIT -> new Message.Exit();
            case Type.ACK -> new Message.Ack(in.string("note"));
            case Type.FAILURE -> new Message.Failure(in.string("failure"));
            default -> throw new WireException("unknown message type " + type);
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
        return encode(message, 0);
    }

    /** @param message any message @return the whole frame: the u32 length prefix, then the body */
    static byte[] frame(Message message) {
        return encode(message, 4);
    }

    private static byte[] encode(Message message, int prefix) {
        Payload out = new Payload(64, prefix);
        out.put8(Bounds.VERSION);
        // Most frequent first: the checks load only the record classes up to the match.
        if (message instanceof Message.Hello) {
            out.put8(Type.HELLO);
        } else if (message instanceof Message.Info m) {
            out.put8(Type.INFO);
            out.put64(m.pid());
            out.putString(m.name());
            out.put32(m.level());
            out.putString(m.state());
            out.putStrings(m.blockReasons());
            out.putBoolean(m.service());
        } else if (message instanceof Message.Query m) {
            out.put8(Type.QUERY);
            out.putReasons(m.reasons());
            out.putMillis(m.millis());
            out.putBoolean(m.interactionAllowed());
        } else if (message instanceof Message.Answer m) {
            out.put8(Type.ANSWER);
            out.putBoolean(m.vetoed());
            out.putStrings(m.blockReasons());
            out.putStrings(m.hungListeners());
        } else if (message instanceof Message.End m) {
            out.put8(Type.END);
            out.putReasons(m.reasons());
            out.putBoolean(m.ending());
            out.putMillis(m.millis());
        } else if (message instanceof Message.Ended m) {
            out.put8(Type.ENDED);
            out.putStrings(m.finished());
            out.putStrings(m.failed());
            out.putStrings(m.overran());
            out.putMillis(m.tookMillis());
        } else if (message instanceof Message.Notice m) {
            out.put8(Type.NOTICE);
            out.putReasons(m.reasons());
            out.putMillis(m.millis());
        } else if (message instanceof Message.Exit) {
            out.put8(Type.EXIT);
        } else if (message instanceof Message.Ack m) {
            out.put8(Type.ACK);
            out.putString(m.note());
        } else if (message instanceof Message.Failure m) {
            out.put8(Type.FAILURE);
            out.putString(m.text());
        } else {
            throw new IllegalArgumentException("no encoding for " + message.getClass().getName()); // a new record needs its case
        }
        return out.written(prefix);
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
