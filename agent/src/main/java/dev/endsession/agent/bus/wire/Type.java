package dev.endsession.agent.bus.wire;

/** The one-byte message type that follows the version byte in every frame. */
enum Type {
    HELLO(1), INFO(2), QUERY(3), ANSWER(4), END(5), ENDED(6), NOTICE(7), EXIT(8), ACK(9), FAILURE(10);

    final int code;

    Type(int code) {
        this.code = code;
    }

    static Type of(int code) throws WireException {
        for (Type type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new WireException("unknown message type " + code);
    }

    static Type of(Message message) {
        if (message instanceof Message.Hello) {
            return HELLO;
        } else if (message instanceof Message.Info) {
            return INFO;
        } else if (message instanceof Message.Query) {
            return QUERY;
        } else if (message instanceof Message.Answer) {
            return ANSWER;
        } else if (message instanceof Message.End) {
            return END;
        } else if (message instanceof Message.Ended) {
            return ENDED;
        } else if (message instanceof Message.Notice) {
            return NOTICE;
        } else if (message instanceof Message.Exit) {
            return EXIT;
        } else if (message instanceof Message.Ack) {
            return ACK;
        }
        return FAILURE;
    }
}
