package dev.endsession.agent.bus.wire;

/** The one-byte message type that follows the version byte in every frame, and the record it holds. */
enum Type {
    HELLO(1, Message.Hello.class), INFO(2, Message.Info.class), QUERY(3, Message.Query.class),
    ANSWER(4, Message.Answer.class), END(5, Message.End.class), ENDED(6, Message.Ended.class),
    NOTICE(7, Message.Notice.class), EXIT(8, Message.Exit.class), ACK(9, Message.Ack.class),
    FAILURE(10, Message.Failure.class);

    final int code;
    private final Class<? extends Message> record;

    Type(int code, Class<? extends Message> record) {
        this.code = code;
        this.record = record;
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
        for (Type type : values()) {
            if (type.record == message.getClass()) {
                return type;
            }
        }
        throw new IllegalArgumentException("no wire type for " + message.getClass()); // Message is sealed: unreachable
    }
}
