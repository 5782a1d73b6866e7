package dev.endsession.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.endsession.agent.bus.wire.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028\"", Json.quote("a\"b\\c\nd\te\u0001f\u2028"));
    }

    @Test
    void nonAsciiTextIsKeptAsIs() {
        assertEquals("\"Änderungen ✎\"", Json.quote("Änderungen ✎"));
    }

    @Test
    void statusListsEveryContractField() {
        String json = Json.status("default", List.of(new Message.Info(7, "n\"x", 0x280, "vetoed", List.of("r1", "r2"), false)));
        assertEquals("{\"session\":\"default\",\"apps\":[{\"pid\":7,\"name\":\"n\\\"x\",\"level\":640,\"state\":\"vetoed\","
                + "\"blockReasons\":[\"r1\",\"r2\"],\"service\":false}]}", json);
    }
}
