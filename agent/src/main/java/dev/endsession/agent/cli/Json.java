package dev.endsession.agent.cli;

import dev.endsession.agent.bus.AppOutcome;
import dev.endsession.agent.bus.RoundResult;
import dev.endsession.agent.bus.wire.Message;
import dev.endsession.api.Reason;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CLI's {@code --json} output (contract), written by hand: one object, strings escaped per
 * RFC 8259 (quote, backslash, and every control character).
 */
final class Json {

    private final StringBuilder out = new StringBuilder();

    private Json() {
    }

    /** @return {@code {"outcome", "mode", "reasons", "apps": [{pid, name, answer, reason, queryMs, endMs, terminated, exit}]}} */
    static String round(RoundResult result) {
        return outcome(result, "{\"outcome\":" + quote(result.ended() ? "ended" : "cancelled"));
    }

    /**
     * @return {@code {"probe": true, "session", "outcome": "would-end"|"would-cancel", "mode", "reasons", "apps": [...]}},
     *     the apps as in {@link #round}
     */
    static String probe(String session, RoundResult result) {
        return outcome(result, "{\"probe\":true,\"session\":" + quote(session) + ",\"outcome\":"
                + quote(result.ended() ? "would-end" : "would-cancel"));
    }

    /** @return {@code {"error": message, "exitCode": code}}: what {@code --json} prints when there is no result */
    static String error(String message, int code) {
        return "{\"error\":" + quote(message) + ",\"exitCode\":" + code + "}";
    }

    private static String outcome(RoundResult result, String head) {
        Json json = new Json();
        json.out.append(head);
        json.out.append(",\"mode\":").append(quote(result.options().mode().name().toLowerCase(Locale.ROOT)));
        json.out.append(",\"reasons\":").append(reasons(result.reasons()));
        json.out.append(",\"apps\":[");
        List<AppOutcome> apps = result.apps();
        for (int i = 0; i < apps.size(); i++) {
            AppOutcome app = apps.get(i);
            json.out.append(i == 0 ? "" : ",").append("{\"pid\":").append(app.pid())
                    .append(",\"name\":").append(quote(app.name()))
                    .append(",\"answer\":").append(quote(app.answer().json()))
                    .append(",\"reason\":").append(quote(app.reason()))
                    .append(",\"queryMs\":").append(nullable(app.queryMillis()))
                    .append(",\"endMs\":").append(nullable(app.endMillis()))
                    .append(",\"terminated\":").append(app.terminated())
                    .append(",\"exit\":").append(app.exit() == null ? "null" : quote(app.exit().json())).append('}');
        }
        return json.out.append("]}").toString();
    }

    /** @return {@code {"session", "apps": [{pid, name, level, state, blockReasons}]}} */
    static String status(String session, List<Message.Info> apps) {
        Json json = new Json();
        json.out.append("{\"session\":").append(quote(session)).append(",\"apps\":[");
        for (int i = 0; i < apps.size(); i++) {
            Message.Info app = apps.get(i);
            json.out.append(i == 0 ? "" : ",").append("{\"pid\":").append(app.pid())
                    .append(",\"name\":").append(quote(app.name()))
                    .append(",\"level\":").append(app.level())
                    .append(",\"state\":").append(quote(app.state()))
                    .append(",\"blockReasons\":").append(strings(app.blockReasons()))
                    .append(",\"service\":").append(app.service()).append('}');
        }
        return json.out.append("]}").toString();
    }

    private static String nullable(long millis) {
        return millis < 0 ? "null" : Long.toString(millis);
    }

    private static String reasons(Set<Reason> reasons) {
        return strings(reasons.stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static String strings(List<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            list.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        return list.append(']').toString();
    }

    /** @return {@code value} as a JSON string literal */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
