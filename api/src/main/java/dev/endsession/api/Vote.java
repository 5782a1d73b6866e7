package dev.endsession.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A listener's answer to a {@link QueryEndSession}: allow the session to end, or veto it with a
 * reason the system can show the user. Immutable; thread-safe.
 */
public final class Vote {

    /**
     * The longest reason Windows shows ({@code MAX_STR_BLOCKREASON}); longer reasons are cut.
     *
     * @see <a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-shutdownblockreasoncreate">ShutdownBlockReasonCreate</a>
     */
    public static final int MAX_REASON_LENGTH = 256;

    private static final Vote ALLOW = new Vote(null);

    private final String reason;

    private Vote(String reason) {
        this.reason = reason;
    }

    /** @return the vote that lets the session end */
    public static Vote allow() {
        return ALLOW;
    }

    /**
     * @param reason why the session must not end now, shown to the user (e.g. "Unsaved changes in
     *     2 documents"); cut to {@value #MAX_REASON_LENGTH} characters, blank becomes a generic text
     * @return a veto carrying that reason
     */
    public static Vote veto(String reason) {
        String text = reason == null || reason.isBlank() ? "This application cannot end now" : reason.strip();
        if (text.length() > MAX_REASON_LENGTH) {
            // Never split a surrogate pair: Windows would show a broken character.
            int end = Character.isHighSurrogate(text.charAt(MAX_REASON_LENGTH - 1)) ? MAX_REASON_LENGTH - 1 : MAX_REASON_LENGTH;
            text = text.substring(0, end);
        }
        return new Vote(text);
    }

    /** @return {@code true} if this vote blocks the end of the session */
    public boolean isVeto() {
        return reason != null;
    }

    /** @return the veto's reason, or empty for an allow */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vote other && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(reason);
    }

    @Override
    public String toString() {
        return reason == null ? "allow" : "veto(" + reason + ")";
    }
}
