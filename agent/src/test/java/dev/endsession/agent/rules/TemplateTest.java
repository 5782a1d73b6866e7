package dev.endsession.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void placeholdersAreReplacedByTheirValues() {
        assertEquals("Unsaved changes in a.txt (2)",
                Template.render("Unsaved changes in {getTitle} ({count})", n -> n.equals("count") ? "2" : "a.txt"));
    }

    @Test
    void theMembersReadAreListedOnceWithoutCount() {
        assertEquals(List.of("getTitle", "size"), Template.members("{getTitle} {count} {size} {getTitle}"));
    }

    @Test
    void bracesThatDoNotCloseANameStayAsTheyAre() {
        assertEquals("a {} b { c } {x y} {", Template.render("a {} b { c } {x y} {", n -> "!"));
        assertEquals("set {!}", Template.render("set {{a}}", n -> "!"));
    }
}
