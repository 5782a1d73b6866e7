package dev.endsession.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoteTest {

    @Test
    void allowCarriesNoReason() {
        assertFalse(Vote.allow().isVeto());
        assertTrue(Vote.allow().reason().isEmpty());
    }

    @Test
    void vetoKeepsItsReason() {
        Vote veto = Vote.veto("Unsaved changes in 2 documents");
        assertTrue(veto.isVeto());
        assertEquals("Unsaved changes in 2 documents", veto.reason().orElseThrow());
    }

    @Test
    void reasonLongerThanWindowsShowsIsCutNotRejected() {
        Vote veto = Vote.veto("x".repeat(300));
        assertEquals(Vote.MAX_REASON_LENGTH, veto.reason().orElseThrow().length());
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String text = "x".repeat(Vote.MAX_REASON_LENGTH - 1) + "\uD83D\uDE00tail";
        String reason = Vote.veto(text).reason().orElseThrow();
        assertEquals(Vote.MAX_REASON_LENGTH - 1, reason.length());
        assertFalse(Character.isHighSurrogate(reason.charAt(reason.length() - 1)));
    }

    @Test
    void blankReasonBecomesAGenericText() {
        assertTrue(Vote.veto("  ").reason().orElseThrow().length() > 0);
    }
}
