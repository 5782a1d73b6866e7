package dev.endsession.agent.windows;

import static dev.endsession.agent.windows.WinUserH.ENDSESSION_CLOSEAPP;
import static dev.endsession.agent.windows.WinUserH.ENDSESSION_CRITICAL;
import static dev.endsession.agent.windows.WinUserH.ENDSESSION_LOGOFF;

import dev.endsession.api.Reason;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads the lParam of {@code WM_QUERYENDSESSION} and {@code WM_ENDSESSION}: a bit mask, where no
 * bit at all means shutdown or restart (Windows does not say which).
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/shutdown/wm-queryendsession">WM_QUERYENDSESSION</a>
 */
final class EndSessionFlags {

    private EndSessionFlags() {
    }

    /** @param lParam the message's lParam @return the reasons it carries, never empty */
    static Set<Reason> decode(long lParam) {
        // The flags are a 32-bit ULONG; whether a 64-bit LPARAM arrives sign- or zero-extended, the low word is it.
        int bits = (int) lParam;
        EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
        if ((bits & ENDSESSION_LOGOFF) != 0) {
            reasons.add(Reason.LOGOFF);
        }
        if ((bits & ENDSESSION_CLOSEAPP) != 0) {
            reasons.add(Reason.CLOSE_APP);
        }
        if (reasons.isEmpty()) {
            reasons.add(Reason.SHUTDOWN);
        }
        if ((bits & ENDSESSION_CRITICAL) != 0) {
            reasons.add(Reason.CRITICAL);
        }
        return reasons;
    }

    /** @param reasons a round's reasons @return the lParam Windows would send for them */
    static long encode(Set<Reason> reasons) {
        int bits = 0;
        bits |= reasons.contains(Reason.LOGOFF) ? ENDSESSION_LOGOFF : 0;
        bits |= reasons.contains(Reason.CLOSE_APP) ? ENDSESSION_CLOSEAPP : 0;
        bits |= reasons.contains(Reason.CRITICAL) ? ENDSESSION_CRITICAL : 0;
        return bits & 0xFFFFFFFFL;
    }
}
